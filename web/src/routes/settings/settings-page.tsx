import type { MeResponse } from '../../api/session.js';
import { ComingLaterPage } from '../coming-later/coming-later-page.js';
import type { Role } from '../../permissions.js';

/** The account's policy, templates, users, tokens and seller accounts; `path` is the whole address path (/settings/…). */
export function SettingsPage({ accountId, role, path, user }: { accountId: number; role: Role | undefined; path: string; user: MeResponse['user'] }) {
  void accountId;
  void role;
  void path;
  void user;
  return <ComingLaterPage section="settings" />;
}
