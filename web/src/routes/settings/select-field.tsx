import { useId } from 'react';

interface Props<T extends string> {
  label: string;
  /** Said to screen readers only, where a table's header already names the column (a row's role). */
  hideLabel?: boolean;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
}

/** A labelled select of a fixed list of values, each shown in the page's language. */
export function SelectField<T extends string>({ label, hideLabel, value, options, optionLabel, onChange }: Props<T>) {
  const id = useId();
  return (
    <div className={hideLabel ? 'select-inline' : 'field'}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => <option key={option} value={option}>{optionLabel(option)}</option>)}
      </select>
    </div>
  );
}
