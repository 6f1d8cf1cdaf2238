import { useId } from 'react';
import type { ComponentPropsWithoutRef } from 'react';

interface TextFieldProps extends Omit<ComponentPropsWithoutRef<'input'>, 'id' | 'onChange'> {
  label: string;
  hint?: string;
  problem?: string;
  onChange: (value: string) => void;
}

/** A labelled input whose hint and problem are read out with it (aria-describedby). */
export function TextField({ label, hint, problem, onChange, ...input }: TextFieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
      <input id={id} {...input} onChange={(event) => onChange(event.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={described || undefined} />
      {problem && <p className="field-problem" id={`${id}-problem`}>{problem}</p>}
    </div>
  );
}
