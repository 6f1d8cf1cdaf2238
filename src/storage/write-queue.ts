import { AsyncLocalStorage } from 'node:async_hooks';

// SQLite takes one writer at a time, and better-sqlite3 waits for the lock by blocking the thread: a
// second transaction begun in this process while the first awaits (two HTTP writes at once) would
// freeze the whole server for the busy timeout, the first transaction included, and then fail. So
// this process's transactions on a file queue up here instead, each beginning when the one before it
// ended. Another process on the same file still waits on SQLite's busy timeout, which is fine: its
// wait does not stop this process from finishing.

export interface WriteQueue {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  const inside = new AsyncLocalStorage<true>();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      // A transaction begun inside another would wait for itself forever: say so instead.
      if (inside.getStore()) return Promise.reject(new Error('A transaction was begun inside another one on the same SQLite database.'));
      const turn = tail.then(() => inside.run(true, work));
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}
