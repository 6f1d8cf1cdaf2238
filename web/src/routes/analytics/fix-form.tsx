import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordFix } from '../../api/analytics.js';
import { ErrorNotice } from '../../components/state-notices.js';
import { blankFix, fixBodyOf } from './fix-body.js';
import type { FixFields } from './fix-body.js';

/** Today in this browser, YYYY-MM-DD: the date picker's limit (the server, on its own clock, has the last word). */
const today = () => new Date().toISOString().slice(0, 10);

/** Records a listing change (POST …/fixes, `work_cases`); its verdict comes once the weeks after it close. */
export function FixForm({ accountId }: { accountId: number }) {
  const { t } = useTranslation();
  const record = useRecordFix(accountId);
  const [fields, setFields] = useState(blankFix);
  const notice = useRef<HTMLDivElement>(null);
  const ids = { sku: useId(), changedOn: useId(), what: useId(), by: useId(), marketplace: useId(), marketplaceHint: useId() };
  const field = (name: keyof FixFields) => ({
    id: ids[name], value: fields[name], onChange: (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(fixBodyOf(fields), {
      onSuccess: () => setFields(blankFix),
      // The outcome is said where focus lands, so a keyboard or screen reader user hears it.
      onSettled: () => requestAnimationFrame(() => notice.current?.focus()),
    });
  };
  return (
    <form className="fix-form" onSubmit={submit} aria-labelledby="fix-form-title">
      <h3 id="fix-form-title">{t('analytics.form.title')}</h3>
      <div className="fix-form-fields">
        <div className="field"><label htmlFor={ids.sku}>{t('analytics.form.sku')}</label><input {...field('sku')} required maxLength={200} autoComplete="off" /></div>
        <div className="field"><label htmlFor={ids.changedOn}>{t('analytics.form.changedOn')}</label><input {...field('changedOn')} type="date" required max={today()} /></div>
        <div className="field">
          <label htmlFor={ids.marketplace}>{t('analytics.form.marketplace')}</label>
          <input {...field('marketplace')} maxLength={10} autoComplete="off" aria-describedby={ids.marketplaceHint} />
          <p id={ids.marketplaceHint} className="field-hint">{t('analytics.form.marketplaceHint')}</p>
        </div>
        <div className="field"><label htmlFor={ids.by}>{t('analytics.form.by')}</label><input {...field('by')} required maxLength={200} /></div>
        <div className="field fix-form-what"><label htmlFor={ids.what}>{t('analytics.form.what')}</label><textarea {...field('what')} required maxLength={500} rows={2} /></div>
      </div>
      <button type="submit" className="button-primary" disabled={record.isPending}>{record.isPending ? t('analytics.form.submitting') : t('analytics.form.submit')}</button>
      <div ref={notice} tabIndex={-1} className="fix-form-notice">
        {record.isSuccess && <p className="notice" role="status">{t('analytics.form.recorded', { sku: record.data.sku })}</p>}
        {record.isError && <ErrorNotice error={record.error} />}
      </div>
    </form>
  );
}
