import { useEffect, useRef } from 'react';
import { isApiError } from '../../api/client.js';
import { ErrorNotice } from '../../components/state-notices.js';

/** What the last action did: recorded, refused because the case moved on, or failed. */
export type CaseNoticeValue = { kind: 'done'; text: string } | { kind: 'conflict'; text: string } | { kind: 'error'; error: unknown };

/** What a refused change says: a 409 means the record moved on meanwhile (`conflictText`), anything else is shown as it is. */
export function noticeOfFailure(error: unknown, conflictText: string): CaseNoticeValue {
  return isApiError(error, 'conflict') ? { kind: 'conflict', text: conflictText } : { kind: 'error', error };
}

/** Said after an action, and focused, so keyboard and screen-reader users land on what happened. */
export function CaseNotice({ notice }: { notice: CaseNoticeValue }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [notice]);
  if (notice.kind === 'error') return <div ref={ref} tabIndex={-1} className="case-notice"><ErrorNotice error={notice.error} /></div>;
  return (
    <div ref={ref} tabIndex={-1} className={`case-notice notice ${notice.kind === 'conflict' ? 'notice-error' : 'notice-done'}`} role={notice.kind === 'conflict' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
    </div>
  );
}
