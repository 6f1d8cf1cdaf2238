import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthRange } from '../../api/analytics.js';
import { isMonth } from './analytics-address.js';

interface Props {
  range: MonthRange;
  onChange: (range: MonthRange) => void;
}

/**
 * The months the reports cover (purchase months for rates and causes, the months money moved for
 * costs). Applied on submit, not on each keystroke: a half-typed month would ask the server for
 * every report. Browsers without a month picker get a text box taking YYYY-MM.
 */
export function MonthRangeFilter({ range, onChange }: Props) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');
  const ids = { from: useId(), to: useId(), hint: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ from: isMonth(from) ? from : undefined, to: isMonth(to) ? to : undefined });
  };
  const clear = () => {
    setFrom('');
    setTo('');
    onChange({});
  };
  return (
    <form className="month-range" role="search" aria-label={t('analytics.range.label')} onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.from}>{t('analytics.range.from')}</label>
        <input id={ids.from} type="month" value={from} pattern="\d{4}-\d{2}" placeholder="YYYY-MM" aria-describedby={ids.hint} onChange={(event) => setFrom(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('analytics.range.to')}</label>
        <input id={ids.to} type="month" value={to} pattern="\d{4}-\d{2}" placeholder="YYYY-MM" aria-describedby={ids.hint} onChange={(event) => setTo(event.target.value)} />
      </div>
      <div className="month-range-buttons">
        <button type="submit" className="button-primary">{t('analytics.range.apply')}</button>
        <button type="button" className="button-quiet" onClick={clear}>{t('analytics.range.clear')}</button>
      </div>
      <p id={ids.hint} className="field-hint">{t('analytics.range.hint')}</p>
    </form>
  );
}
