import { useTranslation } from 'react-i18next';
import type { RefundQuoteResponse } from '../../api/refunds.js';
import { apiTextKey } from '../../i18n/languages.js';

/** The Seller Central steps the server writes for the quote, in the page's language. */
export function ActionSheet({ steps }: { steps: RefundQuoteResponse['actionSheet'] }) {
  const { t, i18n } = useTranslation();
  const key = apiTextKey(i18n.language);
  return (
    <section className="case-section" aria-labelledby="case-sheet-title">
      <h2 id="case-sheet-title">{t('case.sheet.title')}</h2>
      <ol className="action-sheet">{steps.map((step, index) => <li key={`${step.kind}-${index}`}>{step[key]}</li>)}</ol>
    </section>
  );
}
