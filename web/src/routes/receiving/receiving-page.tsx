import { ComingLaterPage } from '../coming-later/coming-later-page.js';
import type { Role } from '../../permissions.js';

/** The warehouse page: scan a return, record its arrival, inspect it with photos, route and refund it. */
export function ReceivingPage({ accountId, role }: { accountId: number; role: Role | undefined }) {
  void accountId;
  void role;
  return <ComingLaterPage section="receiving" />;
}
