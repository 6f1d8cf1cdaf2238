import { useTranslation } from 'react-i18next';
import type { PolicyDocument } from '../../api/policy.js';
import { formatMoney } from '../../format.js';
import { SettingsTable } from './settings-table.js';

// The policy's fee tables as tables, above the editor: the numbers a seller checks most, readable
// without reading JSON. Money is written as its marketplace writes it (format.ts).

type WeightTier = NonNullable<PolicyDocument['removalDisposalFees']['US']>[number]['standard'][number];

const percent = (bps: number | undefined) => (bps === undefined ? '—' : `${bps / 100}%`);

export function FeeTables({ policy }: { policy: PolicyDocument }) {
  const { t } = useTranslation();
  return (
    <section className="fee-tables" aria-labelledby="fee-tables-title">
      <h2 id="fee-tables-title">{t('settings.fees.title')}</h2>
      <HandlingCosts policy={policy} />
      <RestockingCaps policy={policy} />
      <RemovalFees policy={policy} />
      <p className="table-note">{t('settings.fees.editBelow')}</p>
    </section>
  );
}

function HandlingCosts({ policy }: { policy: PolicyDocument }) {
  const { t } = useTranslation();
  const rows = Object.entries(policy.handlingCostPerUnit);
  return (
    <SettingsTable caption={t('settings.fees.handling')} headers={<><th scope="col">{t('settings.fees.marketplace')}</th><th scope="col" className="number">{t('settings.fees.perUnit')}</th></>}>
      {rows.map(([code, money]) => <tr key={code}><th scope="row">{code}</th><td className="number">{formatMoney(money.amountMinor, money.currency, code)}</td></tr>)}
    </SettingsTable>
  );
}

function RestockingCaps({ policy }: { policy: PolicyDocument }) {
  const { t } = useTranslation();
  return (
    <SettingsTable caption={t('settings.fees.restocking')} headers={(['from', 'to', 'late', 'used', 'sellerFault'] as const).map((c, i) => (
      <th key={c} scope="col" className={i > 1 ? 'number' : undefined}>{t(`settings.fees.${c}`)}</th>
    ))}>
      {policy.restockingFeeCaps.map((cap) => (
        <tr key={cap.effectiveFrom}>
          <th scope="row">{cap.effectiveFrom}</th><td>{cap.effectiveTo ?? '—'}</td><td className="number">{percent(cap.lateOriginalConditionBps)}</td>
          <td className="number">{percent(cap.usedOrDamagedNotSellerFaultBps)}</td><td className="number">{percent(cap.sellerFaultBps)}</td>
        </tr>
      ))}
    </SettingsTable>
  );
}

function RemovalFees({ policy }: { policy: PolicyDocument }) {
  const { t } = useTranslation();
  const rows = Object.entries(policy.removalDisposalFees).flatMap(([code, tables]) => tables.map((table) => ({ code, table })));
  return (
    <SettingsTable caption={t('settings.fees.removal')} headers={(['marketplace', 'from', 'standard', 'oversize'] as const).map((c) => <th key={c} scope="col">{t(`settings.fees.${c}`)}</th>)}>
      {rows.map(({ code, table }) => (
        <tr key={`${code}-${table.effectiveFrom}`}>
          <th scope="row">{code}</th><td>{table.effectiveFrom}</td>
          <td><Tiers tiers={table.standard} currency={table.currency} marketplace={code} /></td>
          <td><Tiers tiers={table.oversize} currency={table.currency} marketplace={code} /></td>
        </tr>
      ))}
    </SettingsTable>
  );
}

function Tiers({ tiers, currency, marketplace }: { tiers: readonly WeightTier[]; currency: string; marketplace: string }) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, currency, marketplace);
  return (
    <ul className="weight-tiers">
      {tiers.map((tier, i) => {
        const limit = tier.maxGrams === null ? t('settings.fees.above', { grams: tiers[i - 1]?.maxGrams ?? 0 }) : t('settings.fees.upTo', { grams: tier.maxGrams });
        const extra = tier.extraMinorPerStep === undefined ? '' : ` ${t('settings.fees.extra', { amount: money(tier.extraMinorPerStep), grams: tier.stepGrams })}`;
        return <li key={i}>{limit}: {money(tier.amountMinor)}{extra}</li>;
      })}
    </ul>
  );
}
