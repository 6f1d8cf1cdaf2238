import { useTranslation } from 'react-i18next';
import type { ProblemSku } from '../../api/analytics.js';
import { apiTextKey } from '../../i18n/languages.js';
import { formatCount, formatDay, formatShare } from './analytics-format.js';
import { FixRates, FixVerdictBadge } from './fix-verdict.js';
import { ParetoTable } from './pareto-table.js';
import { RateInterval } from './rates-section.js';

/** One problem SKU: how far above its marketplace it returns, why (root cause and fixes), the buyers' words and the fixes tried. */
export function ProblemSkuCard({ problem }: { problem: ProblemSku }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <li className="problem-sku" data-sku={problem.sku} data-marketplace={problem.marketplaceCode}>
      <h3><span className="sku">{problem.sku}</span> <span className="table-note">{problem.marketplaceCode}</span></h3>
      <dl className="case-facts">
        <div><dt>{t('analytics.problems.returned')}</dt><dd>{t('analytics.problems.ofShipped', { returned: formatCount(problem.returned, language), shipped: formatCount(problem.shipped, language) })}</dd></div>
        <div><dt>{t('analytics.problems.rate')}</dt><dd>{formatShare(problem.rate.rate, language)} <span className="table-note"><RateInterval low={problem.rate.low} high={problem.rate.high} small={problem.rate.smallSample} /></span></dd></div>
        <div><dt>{t('analytics.problems.marketplaceRate')}</dt><dd>{formatShare(problem.marketplaceRate, language)}</dd></div>
        <div><dt>{t('analytics.problems.excess')}</dt><dd>{formatCount(problem.excessUnits, language)}</dd></div>
      </dl>
      <RootCause problem={problem} />
      <ParetoTable bars={problem.pareto} caption={t('analytics.problems.paretoCaption', { sku: problem.sku })} />
      <BuyerTerms problem={problem} />
      {problem.fixes.length > 0 && (
        <>
          <h4>{t('analytics.problems.fixesTried')}</h4>
          <ul className="fixes-tried">
            {problem.fixes.map((result) => (
              <li key={result.fix.id}>{t('analytics.problems.fixLine', { title: formatDay(result.fix.changedOn, language) })}{result.fix.what} <FixVerdictBadge result={result} /> <FixRates result={result} /></li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

function RootCause({ problem }: { problem: ProblemSku }) {
  const { t, i18n } = useTranslation();
  const text = apiTextKey(i18n.language);
  const cause = problem.cause;
  if (cause === null) return <p className="table-note">{t('analytics.problems.noCause')}</p>;
  return (
    <div className="root-cause">
      <h4>{t('analytics.problems.cause')}</h4>
      <p className="cause-title">
        {cause.title[text]} <span className="analytics-tag">{t(`analytics.fixable.${cause.fixable}`)}</span>
        {problem.dominant && <span className="table-note"> {t('analytics.problems.dominantShare', { share: formatShare(problem.dominant.share, i18n.language) })}</span>}
      </p>
      {cause.fixes.length > 0 && (
        <>
          <h4>{t('analytics.problems.fixesToMake')}</h4>
          <ul className="cause-fixes">
            {cause.fixes.map((fix) => <li key={fix.id}><strong>{t('analytics.problems.fixLine', { title: fix.title[text] })}</strong>{fix.detail[text]}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}

/** The terms that set this SKU's return comments apart, each with the buyers' comments quoted as written. */
function BuyerTerms({ problem }: { problem: ProblemSku }) {
  const { t } = useTranslation();
  return (
    <>
      <h4>{t('analytics.problems.terms')}</h4>
      {problem.terms.length === 0 ? <p className="table-note">{t('analytics.problems.noTerms')}</p> : (
        <ul className="buyer-terms">
          {problem.terms.map((term) => (
            <li key={term.term}>
              <strong className="term">{term.term}</strong> <span className="table-note">{t('analytics.problems.termCounts', { count: term.comments, other: term.otherComments })}</span>
              <ul className="term-examples">
                {term.examples.map((example) => <li key={`${example.orderId}-${example.returnDate}`}><q>{example.text}</q></li>)}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
