import { describe, expect, it } from 'vitest';
import type { ImportEvent } from '../../api/imports.js';
import { countDone, idleRun, reduceRun } from './import-run.js';
import type { ImportRunState } from './import-run.js';

const imported = (file: string) => ({
  type: 'result', file, reportType: 'fba-returns', encoding: 'utf-8', marketplace: 'US', rows: 3, inserted: 2, updated: 0, unchanged: 0,
  rejected: 1, skipped: 0, unmapped: 0, unmappedCodes: [], errors: [{ line: 3, column: 'quantity', message: 'bad' }], errorsTruncated: false, importRunId: 1, sha256: 'x',
}) as const satisfies ImportEvent;

function run(names: string[], events: ImportEvent[]): ImportRunState {
  return events.reduce((state, event) => reduceRun(state, { type: 'event', event }), reduceRun(idleRun, { type: 'start', names }));
}

describe('following an import run', () => {
  it('moves each file from sending to received, importing and its result, and ends at the summary', () => {
    const state = run(['a.txt', 'b.txt'], [
      { type: 'received', file: 'a.txt', bytes: 100 },
      { type: 'received', file: 'b.txt', bytes: 5 },
      { type: 'progress', file: 'a.txt', bytesRead: 50, size: 100, rows: 2 },
    ]);
    expect(state.files.map((f) => f.phase)).toEqual(['importing', 'received']);
    expect(state.files[0]).toMatchObject({ bytesRead: 50, size: 100, rows: 2 });
    expect(state.changed?.name).toBe('a.txt');
    const ended = run(['a.txt', 'b.txt'], [
      imported('a.txt'),
      { type: 'result', file: 'b.txt', error: { code: 'unreadable_file', message: 'no' } },
      { type: 'summary', files: [] },
    ]);
    expect([ended.status, ended.files.map((f) => f.phase), countDone(ended)]).toEqual(['done', ['imported', 'refused'], 2]);
  });

  it('tells apart two files of the same name by their order', () => {
    const state = run(['r.txt', 'r.txt'], [{ type: 'received', file: 'r.txt', bytes: 1 }, { type: 'received', file: 'r.txt', bytes: 2 }, imported('r.txt')]);
    expect(state.files.map((f) => [f.phase, f.size])).toEqual([['imported', 1], ['received', 2]]);
  });

  it('adds the files it was not told of (the demo\'s), as they come', () => {
    const state = run([], [{ type: 'progress', file: 'demo-returns.txt', bytesRead: 1, size: 2, rows: 1 }, imported('demo-returns.txt')]);
    expect(state.files.map((f) => [f.name, f.phase])).toEqual([['demo-returns.txt', 'imported']]);
  });

  it('fails on an error line, and on a stream that stopped before its summary', () => {
    const errored = run(['a.txt'], [{ type: 'error', error: { code: 'too_large', message: 'big', details: {} } }]);
    expect([errored.status, errored.failure?.code]).toEqual(['failed', 'too_large']);
    const cut = reduceRun(run(['a.txt'], [{ type: 'received', file: 'a.txt', bytes: 1 }]), { type: 'ended' });
    expect([cut.status, cut.failure?.code]).toEqual(['failed', 'network']);
    const finished = run(['a.txt'], [imported('a.txt'), { type: 'summary', files: [] }]);
    expect(reduceRun(finished, { type: 'ended' })).toBe(finished);
  });
});
