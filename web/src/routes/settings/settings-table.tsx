import type { ReactNode } from 'react';
import { TableScroll } from '../../components/table-scroll.js';

/** A captioned table of the settings, scrolling inside its own box on a narrow screen. */
export function SettingsTable({ caption, headers, className, children }: { caption: string; headers: ReactNode; className?: string; children: ReactNode }) {
  return (
    <TableScroll label={caption}>
      <table className={`settings-table ${className ?? ''}`.trim()}>
        <caption>{caption}</caption>
        <thead><tr>{headers}</tr></thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
