import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DomainError, isDomainError } from '../domain/errors.js';
import { sniffBytes } from './evidence-media-types.js';
import { acceptEvidenceHead, EvidenceTooLargeError, evidenceTooLarge } from './evidence-store.js';
import type { AcceptedEvidence, EvidenceStoreConfig } from './evidence-store.js';

// Evidence sent over HTTP arrives as a stream. It is written to a scratch file and checked on the way
// (the type from its first bytes, the size limit of that type as it grows), so a request is refused
// as soon as one file is wrong, before anything reaches the evidence store: the store then takes the
// scratch files (storeEvidenceFile), and the scratch directory is removed whatever happened.

/** An upload waiting in the scratch directory, with the name its sender gave it (kept for people, never for paths). */
export interface EvidenceUpload {
  readonly path: string;
  readonly fileName: string;
}

/** Runs `work` with a new directory under `scratchDirectory`, removed afterwards whether `work` succeeds or fails. */
export async function withUploadDirectory<T>(scratchDirectory: string, work: (directory: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(join(scratchDirectory, 'evidence-upload-'));
  try {
    return await work(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * Streams one uploaded file to `path`, refusing it (`invalid_input` naming the file) as soon as its
 * first bytes are not an accepted photo or video, and ({@link EvidenceTooLargeError}) as soon as it
 * passes the size limit of its kind; nothing of a refused file is left at `path`.
 */
export async function receiveEvidenceUpload(store: EvidenceStoreConfig, source: AsyncIterable<Uint8Array>, path: string, fileName: string): Promise<EvidenceUpload> {
  const sink = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  try {
    await pipeline(source, checkedAsItStreams(store), sink);
  } catch (error) {
    // The file is opened asynchronously: only once the stream has closed is it surely there to remove.
    if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
    await unlink(path).catch(() => undefined);
    throw naming(fileName, error);
  }
  return { path, fileName };
}

/** Passes the bytes through once their first {@link sniffBytes} say what they are, and while they stay within that kind's limit. */
function checkedAsItStreams(store: EvidenceStoreConfig) {
  return async function* checked(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let head = Buffer.alloc(0);
    let accepted: AcceptedEvidence | undefined;
    let total = 0;
    for await (const chunk of chunks) {
      total += chunk.length;
      if (accepted === undefined) {
        head = Buffer.concat([head, chunk]);
        if (head.length < sniffBytes) continue;
        accepted = acceptEvidenceHead(store, head.subarray(0, sniffBytes));
      }
      if (total > accepted.limit) throw evidenceTooLarge(accepted, total, true);
      yield head.length > 0 ? head : chunk;
      head = Buffer.alloc(0);
    }
    // A file shorter than the sniffed head: checked whole at its end.
    if (accepted === undefined) {
      accepted = acceptEvidenceHead(store, head);
      if (total > accepted.limit) throw evidenceTooLarge(accepted, total, false);
      yield head;
    }
  };
}

/** The refusal with the file's name in front, so the sender knows which of several files it was. */
function naming(fileName: string, error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const message = `${JSON.stringify(fileName)}: ${error.message}`;
  const details = { ...error.details, fileName };
  return error instanceof EvidenceTooLargeError ? new EvidenceTooLargeError(message, details) : new DomainError(error.code, message, details);
}
