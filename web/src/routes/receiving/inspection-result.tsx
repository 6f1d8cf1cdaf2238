import { useTranslation } from 'react-i18next';
import type { InspectionSheetResponse } from '../../api/warehouse.js';
import { formatDateTime } from '../../format.js';
import { apiTextKey } from '../../i18n/languages.js';
import { checklistOrder } from './checklist-model.js';
import type { Answers, ChecklistItem } from './checklist-model.js';
import { EvidenceGallery } from './evidence-gallery.js';

type Inspection = NonNullable<InspectionSheetResponse['inspection']>;

/** Step 2 done: the grade, the rule's sentence saying why, the answers as recorded, and the photos stored. */
export function InspectionResult({ inspection, marketplace, accountId, caseId }: { inspection: Inspection; marketplace: string; accountId: number; caseId: number }) {
  const { t, i18n } = useTranslation();
  const answered = checklistOrder.filter((item) => inspection.answers[item] !== undefined);
  return (
    <section className="unit-step is-done" aria-labelledby="inspection-done-title">
      <h3 id="inspection-done-title">{t('receiving.inspection.doneTitle')}</h3>
      <dl className="grade-box">
        <div><dt>{t('receiving.inspection.grade')}</dt><dd className="grade" data-grade={inspection.grade}>{t(`receiving.grade.${inspection.grade}`)}</dd></div>
        <div><dt>{t('receiving.inspection.why')}</dt><dd>{inspection.rule[apiTextKey(i18n.language)]}</dd></div>
      </dl>
      <p className="hint">{t('receiving.inspection.by', { by: inspection.inspectedBy, at: formatDateTime(inspection.inspectedAt, marketplace) })}</p>
      <details>
        <summary>{t('receiving.inspection.answers')}</summary>
        <dl className="answer-list">
          {answered.map((item) => <div key={item}><dt>{t(`receiving.item.${item}`)}</dt><dd>{answerText(t, item, inspection.answers)}</dd></div>)}
        </dl>
      </details>
      <EvidenceGallery accountId={accountId} caseId={caseId} />
    </section>
  );
}

function answerText(t: (key: string) => string, item: ChecklistItem, answers: Answers): string {
  const value = answers[item];
  if (typeof value === 'boolean') return t(value ? 'receiving.inspection.yes' : 'receiving.inspection.no');
  if (Array.isArray(value)) return value.length === 0 ? t('receiving.answer.noneMissing') : value.join(', ');
  return t(`receiving.answer.${item}.${String(value)}`);
}
