import type { ReactNode } from 'react';
import { TableScroll } from '../../components/table-scroll.js';

/**
 * A table in a box that scrolls sideways on a narrow screen, and, when `long` (a year of months),
 * down within its own height so it does not push the rest of the page away.
 */
export function TableBox({ label, long = false, children }: { label: string; long?: boolean; children: ReactNode }) {
  return <TableScroll label={label} className={long ? 'analytics-scroll is-long' : 'analytics-scroll'}>{children}</TableScroll>;
}
