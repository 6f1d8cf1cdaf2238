import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { useCaseLookup } from '../../api/warehouse.js';
import { AppLink } from '../../components/app-link.js';
import { ErrorNotice } from '../../components/state-notices.js';
import { navigate } from '../../navigation.js';

interface Candidate {
  caseId: number;
  sku: string;
  status: string;
}

/** The cases an ambiguous scan named (an order with two returned SKUs), from the 409's details. */
function candidatesOf(error: unknown): Candidate[] {
  if (!isApiError(error, 'conflict')) return [];
  const found = (error.details as { candidates?: unknown } | null)?.candidates;
  return Array.isArray(found) ? (found as Candidate[]) : [];
}

/** The scan: a barcode scanner types into the field and presses Enter; a match opens its unit. */
export function ScanForm({ accountId, focusFirst }: { accountId: number; focusFirst: boolean }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const hintId = useId();
  const [identifier, setIdentifier] = useState('');
  const lookup = useCaseLookup(accountId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scanned = identifier.trim();
    if (scanned === '') return;
    lookup.mutate(scanned, {
      onSuccess: (found) => {
        setIdentifier('');
        navigate(`/receiving/${found.case.id}`);
      },
    });
  };
  return (
    <form className="scan-form" role="search" onSubmit={submit}>
      <label htmlFor={fieldId}>{t('receiving.scan.label')}</label>
      <div className="scan-row">
        {/* The field a scanner types into: focused on arrival, since the page exists to take a scan. */}
        <input id={fieldId} type="search" value={identifier} onChange={(event) => setIdentifier(event.target.value)} autoFocus={focusFirst}
          autoComplete="off" autoCapitalize="characters" spellCheck={false} enterKeyHint="search" aria-describedby={hintId} required maxLength={200} />
        <button type="submit" disabled={lookup.isPending}>{lookup.isPending ? t('receiving.scan.finding') : t('receiving.scan.submit')}</button>
      </div>
      <p id={hintId} className="hint">{t('receiving.scan.hint')}</p>
      {lookup.isError && <ScanRefusal error={lookup.error} identifier={lookup.variables ?? ''} />}
    </form>
  );
}

function ScanRefusal({ error, identifier }: { error: unknown; identifier: string }) {
  const { t } = useTranslation();
  const candidates = candidatesOf(error);
  if (isApiError(error, 'not_found')) return <p className="notice notice-error" role="alert">{t('receiving.scan.notFound', { identifier })}</p>;
  if (candidates.length === 0) return <ErrorNotice error={error} />;
  return (
    <div className="notice" role="alert">
      <p>{t('receiving.scan.several', { identifier })}</p>
      <ul>
        {candidates.map((c) => (
          <li key={c.caseId}><AppLink href={`/receiving/${c.caseId}`}>{t('receiving.scan.candidate', { id: c.caseId, sku: c.sku, status: t(`status.${c.status}`, { defaultValue: c.status }) })}</AppLink></li>
        ))}
      </ul>
    </div>
  );
}
