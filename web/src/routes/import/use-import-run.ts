import { useReducer } from 'react';
import { ApiError, isApiError } from '../../api/client.js';
import { useRefreshAfterImport } from '../../api/imports.js';
import type { ImportEvent } from '../../api/imports.js';
import { idleRun, reduceRun } from './import-run.js';
import type { ImportRunState, RunFailure } from './import-run.js';

export type Send = (onEvent: (event: ImportEvent) => void) => Promise<void>;

/** One run at a time (an upload, or the demo): its state, and `start` with the files the page knows of. */
export function useImportRun(accountId: number): [ImportRunState, (names: readonly string[], send: Send) => Promise<void>] {
  const [state, dispatch] = useReducer(reduceRun, idleRun);
  const refresh = useRefreshAfterImport(accountId);
  const start = async (names: readonly string[], send: Send) => {
    dispatch({ type: 'start', names });
    try {
      await send((event) => dispatch({ type: 'event', event }));
      dispatch({ type: 'ended' });
    } catch (error) {
      dispatch({ type: 'failed', failure: failureOf(error) });
    } finally {
      // Even a failed run may have imported the files before its failure.
      await refresh();
    }
  };
  return [state, start];
}

function failureOf(error: unknown): RunFailure {
  if (isApiError(error)) return { code: error.code, message: error.message, status: error.status };
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error), status: 0 };
}

/** The failure as the ApiError `ErrorNotice` shows. */
export function failureError(failure: RunFailure): ApiError {
  return new ApiError(failure.status, failure.code, failure.message);
}
