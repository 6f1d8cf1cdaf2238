import { SingleBar } from 'cli-progress';
import { basename } from 'node:path';
import type { ProgressReporter } from '../services/import-files.js';

/**
 * A progress bar with rows/s and ETA on a terminal (stderr, so stdout stays clean for pipes);
 * nothing at all when stderr is not a TTY.
 */
export function createProgress(file: string): ProgressReporter {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const started = performance.now();
  const bar = new SingleBar({
    format: `${basename(file).slice(0, 30).padEnd(30)} {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  let begun = false;
  return {
    update({ bytesRead, size, rows }) {
      const rate = Math.round(rows / Math.max((performance.now() - started) / 1000, 0.001));
      if (!begun) {
        bar.start(size, 0, { rows: 0, rate: 0 });
        begun = true;
      }
      bar.update(bytesRead, { rows: rows.toLocaleString('en-US'), rate: rate.toLocaleString('en-US') });
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
