import { useTranslation } from 'react-i18next';
import { canReceive } from '../../permissions.js';
import type { Role } from '../../permissions.js';
import { ScanForm } from './scan-form.js';
import { UnitPanel } from './unit-panel.js';
import './receiving.css';

/**
 * The warehouse page, made for a phone: scan a parcel (`/receiving`), then work the unit it names
 * (`/receiving/:caseId`): record its arrival, inspect it with photos, route it, see its refund. The
 * scan field stays on top, so the next parcel is one scan away.
 */
export function ReceivingPage({ accountId, role, path }: { accountId: number; role: Role | undefined; path: string }) {
  const { t } = useTranslation();
  const caseId = /^\/receiving\/(\d+)$/.exec(path)?.[1];
  const mayReceive = canReceive(role);
  return (
    <div className="page receiving-page">
      <h1>{t('receiving.title')}</h1>
      {!mayReceive && <p className="notice">{t('receiving.roleCannot')}</p>}
      <ScanForm accountId={accountId} focusFirst={caseId === undefined} />
      {caseId !== undefined && <UnitPanel key={caseId} accountId={accountId} caseId={Number(caseId)} role={role} />}
    </div>
  );
}
