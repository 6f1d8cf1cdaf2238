import type { ReactNode } from 'react';
import type { LintFinding } from '../../api/decisions.js';

/**
 * `text` with each finding's range marked. Offsets are UTF-16 indexes into the text as sent to the
 * lint (docs/api/decisions.md), which is what `String.prototype.slice` takes; an overlapping range is
 * left to the one before it.
 */
export function MarkedText({ text, findings }: { text: string; findings: readonly LintFinding[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at || finding.end > text.length) continue;
    parts.push(text.slice(at, finding.start));
    parts.push(<mark key={`${finding.start}-${finding.ruleId}`} title={finding.ruleId}>{text.slice(finding.start, finding.end)}</mark>);
    at = finding.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
