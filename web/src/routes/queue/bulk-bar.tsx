import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordMove } from '../../api/cases.js';
import type { CaseMove } from '../../api/cases.js';
import type { QueueItem } from '../../api/queue.js';
import { moveOfAction } from '../case/case-stage.js';
import { runBulkMoves } from './bulk-moves.js';
import type { BulkResult } from './bulk-moves.js';

const moves: readonly CaseMove[] = ['authorized', 'returnless_refunded', 'closed'];

interface BarProps {
  accountId: number;
  /** The page's open requests, which alone can be moved. */
  requests: readonly QueueItem[];
  selected: ReadonlySet<number>;
  onSelect: (caseIds: ReadonlySet<number>) => void;
}

/**
 * Several requests answered the same way in Seller Central (a morning's authorizations) recorded at
 * once: tick them, or take the ones the desk recommends for a move, and record the move for all.
 */
export function BulkBar({ accountId, requests, selected, onSelect }: BarProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const moveId = useId();
  const [move, setMove] = useState<CaseMove>('authorized');
  const [running, setRunning] = useState<{ done: number; count: number } | null>(null);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const recommended = requests.filter((item) => item.recommendation !== null && moveOfAction[item.recommendation.action] === move);
  const targets = requests.filter((item) => selected.has(item.caseId));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResults(null);
    setRunning({ done: 0, count: targets.length });
    const record = (caseId: number, chosen: CaseMove, version: number) => recordMove(accountId, caseId, { status: chosen }, version);
    const done = await runBulkMoves(targets, move, record, (n) => setRunning({ done: n, count: targets.length }));
    setRunning(null);
    setResults(done);
    onSelect(new Set(done.filter((r) => r.outcome !== 'done').map((r) => r.caseId)));
    await client.invalidateQueries({ queryKey: ['queue', accountId] });
  };
  return (
    <form className="bulk-bar" aria-label={t('queue.bulk.title')} onSubmit={(event) => void submit(event)}>
      <p className="table-note">{t('queue.bulk.intro')}</p>
      <div className="bulk-controls">
        <label htmlFor={moveId}>{t('case.move.legend')}</label>
        <select id={moveId} value={move} onChange={(event) => setMove(event.target.value as CaseMove)}>
          {moves.map((m) => <option key={m} value={m}>{t(`case.move.${m}`)}</option>)}
        </select>
        <button type="button" onClick={() => onSelect(new Set(recommended.map((item) => item.caseId)))} disabled={recommended.length === 0}>
          {t('queue.bulk.selectRecommended', { count: recommended.length })}
        </button>
        <button type="button" className="button-quiet" onClick={() => onSelect(new Set())} disabled={selected.size === 0}>{t('queue.bulk.clear')}</button>
        <button type="submit" className="button-primary" disabled={targets.length === 0 || running !== null}>{t('queue.bulk.submit', { count: targets.length })}</button>
      </div>
      <div role="status" aria-live="polite">
        {running && <p>{t('queue.bulk.running', { done: running.done, count: running.count })}</p>}
        {results && <BulkResults results={results} move={move} />}
      </div>
    </form>
  );
}

function BulkResults({ results, move }: { results: readonly BulkResult[]; move: CaseMove }) {
  const { t } = useTranslation();
  const done = results.filter((r) => r.outcome === 'done').length;
  return (
    <div className="bulk-results">
      <p>{t('queue.bulk.done', { count: done, move: t(`case.move.${move}`) })}</p>
      {results.some((r) => r.outcome !== 'done') && (
        <ul>
          {results.map((r) => r.outcome === 'conflict'
            ? <li key={r.caseId}>{t('queue.bulk.conflict', { id: r.caseId })}</li>
            : r.outcome === 'refused' ? <li key={r.caseId}>{t('queue.bulk.refused', { id: r.caseId, message: r.message })}</li> : null)}
        </ul>
      )}
    </div>
  );
}
