import { useTranslation } from 'react-i18next';
import type { RecommendationResponse } from '../../api/decisions.js';
import { apiTextKey } from '../../i18n/languages.js';
import { OptionChart } from './option-chart.js';
import { OptionTable } from './option-table.js';
import { optionName } from './option-name.js';

/** What to do and why: the recommended option, the server's explanation and rule ids, every option's cost. */
export function RecommendationPanel({ decision }: { decision: RecommendationResponse }) {
  const { t, i18n } = useTranslation();
  const props = { options: decision.options, recommended: decision.recommended, currency: decision.currency, marketplace: decision.marketplace };
  return (
    <section className="case-section" aria-labelledby="case-recommendation-title">
      <h2 id="case-recommendation-title">{t('case.recommendation.title')}</h2>
      <p className="recommended-action"><strong>{optionName(t, decision.recommended)}</strong></p>
      <p className="recommendation-explanation">{decision.explanation[apiTextKey(i18n.language)]}</p>
      {decision.firedRules.length > 0 && (
        <p className="fired-rules">{t('case.recommendation.rules')} {decision.firedRules.map((rule) => <code key={rule}>{rule}</code>)}</p>
      )}
      <h3 className="case-subtitle">{t('case.options.title')}</h3>
      <div className="option-costs">
        <OptionChart {...props} />
        <OptionTable {...props} />
      </div>
    </section>
  );
}
