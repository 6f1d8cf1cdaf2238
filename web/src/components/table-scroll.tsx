import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone scrolls sideways in its own box. The box takes keyboard focus
 * and is named for its table, so a keyboard user can scroll it too (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
