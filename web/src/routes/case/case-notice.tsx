import { useEffect, useRef } from 'react';
import { ErrorNotice } from '../../components/state-notices.js';

/** What the last action did: recorded, refused because the case moved on, or failed. */
export type CaseNoticeValue = { kind: 'done'; text: string } | { kind: 'conflict'; text: string } | { kind: 'error'; error: unknown };

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
