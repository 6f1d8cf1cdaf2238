import type { ReactNode } from 'react';
import { SettingsNotice } from './settings-notice.js';
import type { SettingsNoticeValue } from './settings-notice.js';

interface Props {
  /** Names the heading, for the section's accessible name. */
  id: string;
  title: string;
  intro?: string;
  notice: SettingsNoticeValue | null;
  children: ReactNode;
}

/** One settings tab: its heading, what it is for, the last action's notice, then its content. */
export function SettingsSection({ id, title, intro, notice, children }: Props) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro && <p className="table-note">{intro}</p>}
      {notice && <SettingsNotice notice={notice} />}
      {children}
    </section>
  );
}
