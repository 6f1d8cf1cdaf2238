import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../components/state-notices.js';

/** What the last action did: done, refused with a reason the page can say, or failed. */
export type SettingsNoticeValue = { kind: 'done'; text: string } | { kind: 'refused'; text: string } | { kind: 'error'; error: unknown };

/** Said after an action, and focused, so keyboard and screen-reader users land on what happened; `children` offer the way on (reload…). */
export function SettingsNotice({ notice, children }: { notice: SettingsNoticeValue; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [notice]);
  if (notice.kind === 'error') return <div ref={ref} tabIndex={-1} className="settings-notice"><ErrorNotice error={notice.error} />{children}</div>;
  const refused = notice.kind === 'refused';
  return (
    <div ref={ref} tabIndex={-1} className={`settings-notice notice ${refused ? 'notice-error' : 'notice-done'}`} role={refused ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {children}
    </div>
  );
}
