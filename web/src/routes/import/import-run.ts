import type { FileOutcomeResponse, ImportEvent } from '../../api/imports.js';

// One upload (or demo load) as the page follows it: each file's phase from the server's NDJSON events
// (received → progress → result), then the summary or the error that ended the run. A pure reducer,
// so the order of events can be tested without a browser.

export type FilePhase = 'sending' | 'received' | 'importing' | 'imported' | 'refused';

export interface FileState {
  readonly name: string;
  readonly phase: FilePhase;
  readonly bytesRead: number;
  readonly size: number;
  readonly rows: number;
  readonly outcome?: FileOutcomeResponse;
}

export interface RunFailure {
  readonly code: string;
  readonly message: string;
  readonly status: number;
}

export interface ImportRunState {
  readonly status: 'idle' | 'running' | 'done' | 'failed';
  readonly files: readonly FileState[];
  readonly failure?: RunFailure;
  /** The last file whose phase changed: what the live region announces. */
  readonly changed?: FileState;
}

export type RunAction =
  | { type: 'start'; names: readonly string[] }
  | { type: 'event'; event: ImportEvent }
  | { type: 'failed'; failure: RunFailure }
  | { type: 'ended' };

export const idleRun: ImportRunState = { status: 'idle', files: [] };

const phaseRank: Record<FilePhase, number> = { sending: 0, received: 1, importing: 2, imported: 3, refused: 3 };

const newFile = (name: string): FileState => ({ name, phase: 'sending', bytesRead: 0, size: 0, rows: 0 });

export function reduceRun(state: ImportRunState, action: RunAction): ImportRunState {
  switch (action.type) {
    case 'start': return { status: 'running', files: action.names.map(newFile) };
    case 'failed': return { ...state, status: 'failed', failure: action.failure };
    // A stream that stopped without its summary or error line: the server went away mid-run.
    case 'ended': return state.status === 'running'
      ? { ...state, status: 'failed', failure: { code: 'network', status: 0, message: 'The answer stopped before the import finished.' } }
      : state;
    case 'event': return applyEvent(state, action.event);
  }
}

function applyEvent(state: ImportRunState, event: ImportEvent): ImportRunState {
  switch (event.type) {
    case 'received': return updateFile(state, event.file, 'received', (f) => ({ ...f, phase: 'received', size: event.bytes }));
    case 'progress': return updateFile(state, event.file, 'importing', (f) => ({ ...f, phase: 'importing', bytesRead: event.bytesRead, size: event.size, rows: event.rows }));
    case 'result': {
      const { type: _type, ...outcome } = event;
      const phase = 'error' in outcome ? 'refused' : 'imported';
      return updateFile(state, event.file, phase, (f) => ({ ...f, phase, outcome, rows: 'rows' in outcome ? outcome.rows : f.rows, bytesRead: f.size }));
    }
    case 'summary': return { ...state, status: 'done' };
    case 'error': return { ...state, status: 'failed', failure: { code: event.error.code, message: event.error.message, status: 0 } };
  }
}

/**
 * Changes the first file of that name not yet at `phase` (two files may share a name; the server
 * handles them in the order sent). A file the page did not know of (the demo's) is added.
 */
function updateFile(state: ImportRunState, name: string, phase: FilePhase, change: (file: FileState) => FileState): ImportRunState {
  let index = state.files.findIndex((f) => f.name === name && phaseRank[f.phase] < phaseRank[phase]);
  if (index === -1) index = state.files.findLastIndex((f) => f.name === name);
  const files = index === -1 ? [...state.files, change(newFile(name))] : state.files.map((f, i) => (i === index ? change(f) : f));
  const updated = files[index === -1 ? files.length - 1 : index]!;
  const before = index === -1 ? undefined : state.files[index];
  return { ...state, files, changed: before?.phase === updated.phase ? state.changed : updated };
}

/** Files finished (imported or refused) of all the run knows of. */
export function countDone(state: ImportRunState): number {
  return state.files.filter((f) => f.phase === 'imported' || f.phase === 'refused').length;
}
