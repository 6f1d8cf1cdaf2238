import { useTranslation } from 'react-i18next';
import { useRecordRefund } from '../../api/refunds.js';
import type { RefundQuoteResponse } from '../../api/refunds.js';
import { formatMoney } from '../../format.js';
import { apiTextKey } from '../../i18n/languages.js';
import { noticeOfFailure } from './case-notice.js';
import type { CaseNoticeValue } from './case-notice.js';
import { TableScroll } from '../../components/table-scroll.js';

interface PanelProps {
  accountId: number;
  quote: RefundQuoteResponse;
  mayRefund: boolean;
  onNotice: (notice: CaseNoticeValue) => void;
}

/** The refund the case allows (no restocking fee: the quote's default), line by line, and recording it once issued. */
export function RefundPanel({ accountId, quote, mayRefund, onNotice }: PanelProps) {
  const { t, i18n } = useTranslation();
  const record = useRecordRefund(accountId, quote.caseId);
  const money = (minor: number) => formatMoney(minor, quote.quote.currency, quote.marketplace);
  const issue = () => record.mutate({ version: quote.caseVersion }, {
    onSuccess: (done) => onNotice({ kind: 'done', text: t('case.refund.recorded', { amount: money(done.quote.totalMinor), version: done.version }) }),
    onError: (error) => onNotice(noticeOfFailure(error, t('case.actions.conflict'))),
  });
  return (
    <section className="case-section" aria-labelledby="case-refund-title">
      <h2 id="case-refund-title">{t('case.refund.title')}</h2>
      <TableScroll label={t('case.refund.caption')}>
        <table>
          <caption>{t('case.refund.caption')}</caption>
          <thead><tr><th scope="col">{t('case.refund.line')}</th><th scope="col" className="number">{t('case.refund.amount')}</th><th scope="col">{t('case.refund.why')}</th></tr></thead>
          <tbody>
            {quote.quote.lines.map((line) => (
              <tr key={line.kind}><th scope="row">{t(`case.refund.kind.${line.kind}`)}</th><td className="number">{money(line.amountMinor)}</td><td>{line.text[apiTextKey(i18n.language)]}</td></tr>
            ))}
          </tbody>
          <tfoot><tr><th scope="row">{t('case.refund.total')}</th><td className="number"><strong>{money(quote.quote.totalMinor)}</strong></td><td>{quote.quote.ruleIds.map((r) => <code key={r}>{r}</code>)}</td></tr></tfoot>
        </table>
      </TableScroll>
      {mayRefund
        ? <button type="button" onClick={issue} disabled={record.isPending}>{t('case.refund.record', { amount: money(quote.quote.totalMinor) })}</button>
        : <p className="table-note">{t('case.actions.roleCannot')}</p>}
    </section>
  );
}
