import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { runBulkMoves } from './bulk-moves.js';

describe('recording one move for several queued requests', () => {
  it('records each on the version the queue showed, one after another, and keeps every case\'s result', async () => {
    const calls: string[] = [];
    let running = 0;
    const record = async (caseId: number, move: string, version: number) => {
      running += 1;
      expect(running).toBe(1);
      calls.push(`${caseId}:${move}@${version}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
      if (caseId === 2) throw new ApiError(409, 'conflict', 'changed');
      if (caseId === 3) throw new ApiError(409, 'illegal_transition', 'A return case cannot go from "closed" to "authorized".');
    };
    const progress: number[] = [];
    const results = await runBulkMoves([{ caseId: 1, version: 4 }, { caseId: 2, version: 1 }, { caseId: 3, version: 2 }], 'authorized', record, (n) => progress.push(n));
    expect(calls).toEqual(['1:authorized@4', '2:authorized@1', '3:authorized@2']);
    expect(progress).toEqual([1, 2, 3]);
    expect(results).toEqual([
      { caseId: 1, outcome: 'done' }, { caseId: 2, outcome: 'conflict' },
      { caseId: 3, outcome: 'refused', message: 'A return case cannot go from "closed" to "authorized".' },
    ]);
  });
});
