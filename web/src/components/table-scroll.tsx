import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone scrolls sideways in its own box. The box takes keyboard focus
 * and is named for its table, so a keyboard user can scroll it too (WCAG 2.1.1; axe's
 * scrollable-region-focusable). `className` adds to `table-scroll` (a page's own sizing).
 */
export function TableScroll({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return <div className={className ? `table-scroll ${className}` : 'table-scroll'} role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
