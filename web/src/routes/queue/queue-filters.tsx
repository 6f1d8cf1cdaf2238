import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilters as Filters } from '../../api/queue.js';
import { faultOptions, marketplaceOptions, reasonOptions, statusOptions } from './filter-options.js';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** The queue's filters: a pick applies at once; the SKU applies on Enter or with the button. */
export function QueueFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const [sku, setSku] = useState(filters.sku ?? '');
  const skuId = useId();
  const set = <K extends keyof Filters>(name: K, value: string) => onChange({ ...filters, [name]: value === '' ? undefined : value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, sku: sku.trim() === '' ? undefined : sku.trim() });
  };
  return (
    <form className="queue-filters" onSubmit={submit} role="search" aria-label={t('queue.filters.label')}>
      <FilterSelect label={t('queue.filters.marketplace')} value={filters.marketplace} options={marketplaceOptions} text={(m) => m} onChange={(v) => set('marketplace', v)} />
      <FilterSelect label={t('queue.filters.reason')} value={filters.reason} options={reasonOptions} text={(r) => t(`reason.${r}`)} onChange={(v) => set('reason', v)} />
      <FilterSelect label={t('queue.filters.fault')} value={filters.fault} options={faultOptions} text={(f) => t(`fault.${f}`)} onChange={(v) => set('fault', v)} />
      <FilterSelect label={t('queue.filters.status')} value={filters.status} options={statusOptions} text={(s) => t(`status.${s}`)} onChange={(v) => set('status', v)} />
      <div className="field">
        <label htmlFor={skuId}>{t('queue.filters.sku')}</label>
        <input id={skuId} name="sku" value={sku} maxLength={200} onChange={(event) => setSku(event.target.value)} placeholder={t('queue.filters.skuPlaceholder')} />
      </div>
      <div className="filter-buttons">
        <button type="submit">{t('queue.filters.apply')}</button>
        <button type="button" className="button-quiet" onClick={() => { setSku(''); onChange({}); }}>{t('queue.filters.clear')}</button>
      </div>
    </form>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T | undefined;
  options: readonly T[];
  text: (option: T) => string;
  onChange: (value: string) => void;
}

function FilterSelect<T extends string>({ label, value, options, text, onChange }: SelectProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('queue.filters.any')}</option>
        {options.map((option) => <option key={option} value={option}>{text(option)}</option>)}
      </select>
    </div>
  );
}
