import { useTranslation } from 'react-i18next';
import { choiceValues, isChoiceItem, yesNoItems } from './checklist-model.js';
import type { Answers, ChecklistItem, YesNoItem } from './checklist-model.js';
import { ChoiceField } from './choice-field.js';

interface QuestionProps {
  item: ChecklistItem;
  required: boolean;
  answers: Answers;
  accessories: readonly string[];
  onAnswer: (change: Answers) => void;
}

const isYesNo = (item: ChecklistItem): item is YesNoItem => (yesNoItems as readonly string[]).includes(item);

/** One checklist item in the form its answers take: yes or no, one of a few, or the accessories missing. */
export function ChecklistQuestion({ item, required, answers, accessories, onAnswer }: QuestionProps) {
  const { t } = useTranslation();
  const name = `inspection-${item}`;
  const legend = t(`receiving.item.${item}`);
  if (isYesNo(item)) {
    return <ChoiceField name={name} legend={legend} values={[true, false]} value={answers[item]} required={required}
      label={(yes) => t(yes ? 'receiving.inspection.yes' : 'receiving.inspection.no')} onChange={(value) => onAnswer({ [item]: value })} />;
  }
  if (isChoiceItem(item)) {
    const values: readonly string[] = choiceValues[item];
    return <ChoiceField name={name} legend={legend} values={values} value={answers[item]} required={required}
      label={(value) => t(`receiving.answer.${item}.${value}`)} onChange={(value) => onAnswer({ [item]: value })} />;
  }
  return <AccessoriesQuestion accessories={accessories} missing={answers.accessoriesMissing ?? []} onChange={(list) => onAnswer({ accessoriesMissing: list })} />;
}

function AccessoriesQuestion({ accessories, missing, onChange }: { accessories: readonly string[]; missing: readonly string[]; onChange: (missing: string[]) => void }) {
  const { t } = useTranslation();
  const toggle = (name: string) => onChange(missing.includes(name) ? missing.filter((m) => m !== name) : [...missing, name]);
  return (
    <fieldset className="choice-field" data-item="inspection-accessoriesMissing">
      <legend>{t('receiving.inspection.accessoriesLegend')}</legend>
      <div className="choice-options">
        {accessories.map((name) => (
          <label key={name} className={missing.includes(name) ? 'choice is-chosen' : 'choice'}>
            <input type="checkbox" checked={missing.includes(name)} onChange={() => toggle(name)} />
            {name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
