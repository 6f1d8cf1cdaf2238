import { useTranslation } from 'react-i18next';
import type { FixResult } from '../../api/analytics.js';
import { formatShare } from './analytics-format.js';

/** A fix's verdict word, or that it waits for a week after it to close (docs/prevention.md#fix-log). */
export function FixVerdictBadge({ result }: { result: FixResult }) {
  const { t } = useTranslation();
  const verdict = result.verdict?.verdict ?? 'waiting';
  return <span className={`verdict verdict-${verdict}`}>{t(`analytics.verdict.${verdict}`)}</span>;
}

/** The rate before → after the fix, with the interval of the difference, as the API judged them. */
export function FixRates({ result }: { result: FixResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (result.verdict === null) return <>{t('analytics.fixes.weeksAfter', { count: result.weeksAfter, window: result.windowWeeks })}</>;
  const { before, after, low, high } = result.verdict;
  return (
    <>
      {t('analytics.fixes.beforeAfter', { before: formatShare(before.rate, language), after: formatShare(after.rate, language) })}
      <span className="table-note"> {t('analytics.fixes.difference', { low: formatShare(low, language), high: formatShare(high, language) })}</span>
    </>
  );
}
