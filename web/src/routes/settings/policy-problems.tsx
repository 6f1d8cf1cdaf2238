import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyProblem } from '../../api/policy.js';
import { problemWhere } from './policy-text.js';

/** Every error the server (or the browser's JSON reader) found, each with its path; focused when it appears. */
export function PolicyProblems({ problems }: { problems: readonly PolicyProblem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [problems]);
  const ok = problems.length === 0;
  return (
    <section ref={ref} tabIndex={-1} className={`policy-problems notice ${ok ? 'notice-done' : 'notice-error'}`} aria-labelledby="policy-problems-title">
      <h3 id="policy-problems-title" role={ok ? 'status' : 'alert'}>{ok ? t('settings.policy.valid') : t('settings.policy.problems', { count: problems.length })}</h3>
      {!ok && (
        <ul>
          {problems.map((p, i) => <li key={`${p.path}-${i}`}><code>{problemWhere(p, t('settings.policy.wholeDocument'))}</code> {p.message}</li>)}
        </ul>
      )}
    </section>
  );
}
