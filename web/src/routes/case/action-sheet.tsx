import { useTranslation } from 'react-i18next';
import { apiTextKey } from '../../i18n/languages.js';

/** The Seller Central steps the server writes for a decision or a refund quote, in the page's language. */
export function ActionSheet({ steps }: { steps: readonly { kind: string; en: string; zh: string }[] }) {
  const { t, i18n } = useTranslation();
  const key = apiTextKey(i18n.language);
  return (
    <section className="case-section" aria-labelledby="case-sheet-title">
      <h2 id="case-sheet-title">{t('case.sheet.title')}</h2>
      <ol className="action-sheet">{steps.map((step, index) => <li key={`${step.kind}-${index}`}>{step[key]}</li>)}</ol>
    </section>
  );
}
