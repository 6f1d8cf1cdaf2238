import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnCase } from '../../api/cases.js';
import type { ReturnDetailResponse } from '../../api/cases.js';
import { isApiError } from '../../api/client.js';
import { useInspectionSheet } from '../../api/warehouse.js';
import type { InspectionSheetResponse } from '../../api/warehouse.js';
import { AppLink } from '../../components/app-link.js';
import { EmptyState, ErrorNotice, Loading } from '../../components/state-notices.js';
import { canReceive } from '../../permissions.js';
import type { Role } from '../../permissions.js';
import { CaseNotice } from '../case/case-notice.js';
import type { CaseNoticeValue } from '../case/case-notice.js';
import { DispositionPanel } from './disposition-panel.js';
import { InspectionForm } from './inspection-form.js';
import { InspectionResult } from './inspection-result.js';
import { ReceiptForm, ReceiptDone } from './receipt-form.js';
import { UnitRefund } from './unit-refund.js';

/** One scanned unit: what it is, then the step it is at (arrival, inspection, route and refund). */
export function UnitPanel({ accountId, caseId, role }: { accountId: number; caseId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const detail = useReturnCase(accountId, caseId);
  const sheet = useInspectionSheet(accountId, caseId);
  const failed = detail.error ?? sheet.error;
  if (isApiError(failed, 'not_found')) return <EmptyState title={t('receiving.unit.notFoundTitle')}><p>{t('receiving.unit.notFoundBody')}</p></EmptyState>;
  if (failed) return <ErrorNotice error={failed} onRetry={() => { void detail.refetch(); void sheet.refetch(); }} />;
  if (!detail.data || !sheet.data) return <Loading label={t('receiving.unit.loading')} />;
  return <UnitSteps accountId={accountId} returnCase={detail.data} sheet={sheet.data} mayReceive={canReceive(role)} role={role} />;
}

interface StepsProps {
  accountId: number;
  returnCase: ReturnDetailResponse;
  sheet: InspectionSheetResponse;
  mayReceive: boolean;
  role: Role | undefined;
}

function UnitSteps({ accountId, returnCase, sheet, mayReceive, role }: StepsProps) {
  const [notice, setNotice] = useState<CaseNoticeValue | null>(null);
  const { receipt, inspection } = sheet;
  // Changes are made on the case's version: every change (a refund too) reloads the case.
  const step = { accountId, caseId: returnCase.id, version: returnCase.version, sheet, onNotice: setNotice };
  return (
    <section className="unit-panel" aria-labelledby="unit-title">
      <UnitFacts returnCase={returnCase} sheet={sheet} />
      {notice !== null && <CaseNotice notice={notice} />}
      {receipt === null
        ? mayReceive && <ReceiptForm {...step} />
        : <ReceiptDone receipt={receipt} marketplace={returnCase.marketplace} />}
      {receipt !== null && inspection === null && mayReceive && <InspectionForm {...step} />}
      {inspection !== null && (
        <>
          <InspectionResult inspection={inspection} marketplace={returnCase.marketplace} accountId={accountId} caseId={returnCase.id} />
          <DispositionPanel {...step} returnCase={returnCase} mayReceive={mayReceive} />
        </>
      )}
      <UnitRefund accountId={accountId} returnCase={returnCase} role={role} onNotice={setNotice} />
    </section>
  );
}

function UnitFacts({ returnCase, sheet }: { returnCase: ReturnDetailResponse; sheet: InspectionSheetResponse }) {
  const { t } = useTranslation();
  const reason = returnCase.reason.category;
  const facts: [string, string][] = [
    ['order', returnCase.orderId],
    ['sku', returnCase.sku],
    ['category', sheet.productCategory ?? t('receiving.unit.noCategory')],
    ['marketplace', returnCase.marketplace],
    ['channel', returnCase.channel],
    ['status', t(`status.${returnCase.status}`, { defaultValue: returnCase.status })],
    ['reason', reason === null ? '—' : t(`reason.${reason}`, { defaultValue: reason })],
  ];
  return (
    <header className="unit-facts">
      <h2 id="unit-title"><AppLink href={`/cases/${returnCase.id}`}>{t('receiving.unit.caseLink', { id: returnCase.id })}</AppLink></h2>
      <dl>
        {facts.map(([key, value]) => <div key={key}><dt>{t(`receiving.unit.${key}`)}</dt><dd>{value}</dd></div>)}
      </dl>
    </header>
  );
}
