import { ComingLaterPage } from '../coming-later/coming-later-page.js';
import type { Role } from '../../permissions.js';

/** Return rates and costs, causes, spikes and the fix log of one seller account. */
export function AnalyticsPage({ accountId, role }: { accountId: number; role: Role | undefined }) {
  void accountId;
  void role;
  return <ComingLaterPage section="analytics" />;
}
