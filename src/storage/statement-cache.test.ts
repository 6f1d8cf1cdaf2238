import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('the SQLite statement cache', () => {
  it('hands back the statement prepared before for the same SQL, and a new one while it is being iterated', () => {
    const raw = new BetterSqlite3(':memory:');
    const cached = withStatementCache(raw);
    raw.exec('create table t (n integer); insert into t values (1), (2)');
    const first = cached.prepare('select n from t order by n');
    expect(cached.prepare('select n from t order by n')).toBe(first);
    expect(cached.prepare('select n from t where n = 1')).not.toBe(first);
    const rows = (first as BetterSqlite3.Statement).iterate();
    rows.next();
    const whileBusy = cached.prepare('select n from t order by n') as BetterSqlite3.Statement;
    expect(whileBusy).not.toBe(first);
    expect(whileBusy.all()).toEqual([{ n: 1 }, { n: 2 }]);
    rows.return?.();
    expect(cached.prepare('select n from t order by n')).toBe(first);
    cached.close();
    expect(raw.open).toBe(false);
  });

  it('keeps at most 500 statements, the oldest leaving first', () => {
    const raw = new BetterSqlite3(':memory:');
    const cached = withStatementCache(raw);
    const oldest = cached.prepare('select 0');
    for (let i = 1; i <= 500; i++) cached.prepare(`select ${i}`);
    expect(cached.prepare('select 500')).toBe(cached.prepare('select 500'));
    expect(cached.prepare('select 0')).not.toBe(oldest);
    cached.close();
  });
});
