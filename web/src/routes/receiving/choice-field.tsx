import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChoiceProps<V extends string | boolean> {
  /** Unique on the page: the radio group's name. */
  name: string;
  legend: ReactNode;
  values: readonly V[];
  value: V | undefined;
  label: (value: V) => string;
  onChange: (value: V) => void;
  required?: boolean;
}

/**
 * One checklist question as a row of large radio buttons: a gloved thumb on a phone hits them, and a
 * keyboard moves through them with the arrows.
 */
export function ChoiceField<V extends string | boolean>({ name, legend, values, value, label, onChange, required = false }: ChoiceProps<V>) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-field" data-item={name}>
      <legend>{legend}{required && <span className="required-mark"> ({t('receiving.inspection.required')})</span>}</legend>
      <div className="choice-options">
        {values.map((option) => (
          <label key={String(option)} className={option === value ? 'choice is-chosen' : 'choice'}>
            <input type="radio" name={name} checked={option === value} onChange={() => onChange(option)} required={required} />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
