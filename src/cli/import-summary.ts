import { basename } from 'node:path';
import type { FileOutcome } from '../services/import-files.js';

const shownErrors = 20;
const n = (value: number) => value.toLocaleString('en-US');

/** The readable summary printed after `returndesk import` without --json. */
export function formatImportSummary(outcomes: readonly FileOutcome[]): string {
  return outcomes.map((outcome) => {
    if ('error' in outcome) return `✗ ${basename(outcome.file)}: refused, nothing imported.\n  ${outcome.error.message}`;
    const lines = [
      `✓ ${basename(outcome.file)}: ${outcome.reportType} (${outcome.encoding}, marketplace ${outcome.marketplace})`,
      `  ${n(outcome.rows)} rows: ${n(outcome.inserted)} new, ${n(outcome.updated)} updated, ${n(outcome.unchanged)} unchanged, ${n(outcome.rejected)} rejected` +
        (outcome.skipped ? `, ${n(outcome.skipped)} skipped (not refunds)` : ''),
    ];
    if (outcome.unmapped > 0) lines.push(`  ${n(outcome.unmapped)} rows have a reason code ReturnDesk does not know (kept as received): ${outcome.unmappedCodes.join(', ')}`);
    for (const e of outcome.errors.slice(0, shownErrors)) lines.push(`  line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
    if (outcome.rejected > 0 && outcome.errors.length > shownErrors) lines.push(`  ... and more: run with --json for every rejected row.`);
    return lines.join('\n');
  }).join('\n');
}
