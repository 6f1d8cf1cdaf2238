import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ReadStream } from 'node:fs';
import { link, mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { DomainError } from '../domain/errors.js';
import { acceptedFormatsText, sniffBytes, sniffMediaType } from './evidence-media-types.js';
import type { EvidenceKind } from './evidence-media-types.js';

export type { EvidenceKind } from './evidence-media-types.js';

/** Where evidence lives and how big it may be; from the evidence directory and limits settings. */
export interface EvidenceStoreConfig {
  readonly directory: string;
  readonly maxPhotoBytes: number;
  readonly maxVideoBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Defaults. Photos: a 48-megapixel phone JPEG or HEIC is 5–15 MiB, so 20 MiB fits every camera photo
 * while refusing RAW-sized dumps. Videos: an unboxing of two to three minutes in 1080p at the usual
 * 16–20 Mbit/s is 250–450 MiB, so 500 MiB fits one while bounding the disk one upload can take.
 */
export const defaultEvidenceStoreConfig: EvidenceStoreConfig = {
  directory: './data/evidence',
  maxPhotoBytes: 20 * MiB,
  maxVideoBytes: 500 * MiB,
};

/** One stored evidence file. `created` is false when the same content was already in the store. */
export interface StoredEvidence {
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly mediaType: string;
  readonly kind: EvidenceKind;
  /** `ab/cd/<sha256>`, relative to the store directory, always with `/`. */
  readonly relativePath: string;
  readonly created: boolean;
  /** When this upload was stored (the caller records it with the uploader). */
  readonly storedAt: string;
}

/** What an upload's first bytes are, and the size limit of that kind. */
export interface AcceptedEvidence {
  readonly mediaType: string;
  readonly kind: EvidenceKind;
  readonly limit: number;
}

/**
 * Evidence over its size limit: `invalid_input` like every refusal, told apart so the HTTP API can
 * answer 413 (Content Too Large) rather than 400.
 */
export class EvidenceTooLargeError extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super('too_large', message, details);
    this.name = 'EvidenceTooLargeError';
  }
}

// Large enough for few syscalls on a video, small enough that a store never holds much in memory.
const copyChunkBytes = MiB;
const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * Stores a file from disk (an upload's temporary file, a path given to the CLI), streaming it: the
 * content is hashed while it is copied to a temporary file in the store, which is then moved into
 * place. Refuses with `unreadable_file` when the source cannot be read, with `invalid_input` when it is
 * empty, not an accepted photo or video, or over the size limit of its kind; nothing is left on disk then.
 */
export async function storeEvidenceFile(store: EvidenceStoreConfig, sourcePath: string, nowIso: string = new Date().toISOString()): Promise<StoredEvidence> {
  await requireRegularFile(sourcePath);
  const source = await openSource(sourcePath);
  try {
    const { size } = await source.stat();
    const head = await readHead(source, sourcePath);
    const accepted = acceptContent(store, head, size);
    const { tempPath, sha256, sizeBytes } = await copyToTemp(store, source, sourcePath, head, accepted);
    const created = await commit(store, tempPath, sha256);
    return stored(sha256, sizeBytes, accepted, created, nowIso);
  } finally {
    await source.close();
  }
}

/** Stores content already in memory (small photos, tests); same checks and results as {@link storeEvidenceFile}. */
export async function storeEvidenceBytes(store: EvidenceStoreConfig, bytes: Uint8Array, nowIso: string = new Date().toISOString()): Promise<StoredEvidence> {
  const accepted = acceptContent(store, bytes.subarray(0, sniffBytes), bytes.length);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const tempPath = await newTempPath(store);
  try {
    await writeFile(tempPath, bytes, { flag: 'wx', mode: 0o444 });
  } catch (error) {
    await removeQuietly(tempPath);
    throw error;
  }
  const created = await commit(store, tempPath, sha256);
  return stored(sha256, bytes.length, accepted, created, nowIso);
}

/**
 * The absolute path of a stored file. The id must be 64 lowercase hex digits (`invalid_input`
 * otherwise), so nothing a user sends can point outside the store.
 */
export function evidencePath(store: EvidenceStoreConfig, sha256: string): string {
  return resolve(store.directory, relativeEvidencePath(sha256));
}

/** Whether the store holds content with this SHA-256. */
export async function hasEvidence(store: EvidenceStoreConfig, sha256: string): Promise<boolean> {
  try {
    return (await stat(evidencePath(store, sha256))).isFile();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Bytes `start` to `end` of a file, both included (an HTTP Range). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Opens a stored file for reading, whole or one byte range of it (`not_found` when the store does not
 * hold it); `sizeBytes` is the whole file's. The caller must consume or destroy the stream. The media
 * type is not on disk: it is kept with the evidence record.
 */
export async function readEvidence(store: EvidenceStoreConfig, sha256: string, range?: ByteRange): Promise<{ sizeBytes: number; stream: ReadStream }> {
  const path = evidencePath(store, sha256);
  if (!(await hasEvidence(store, sha256))) {
    throw new DomainError('not_found', `There is no evidence file ${sha256}.`, { sha256 });
  }
  const { size } = await stat(path);
  return { sizeBytes: size, stream: createReadStream(path, range) };
}

function relativeEvidencePath(sha256: string): string {
  if (typeof sha256 !== 'string' || !sha256Pattern.test(sha256)) {
    const shown = String(sha256).slice(0, 80);
    throw new DomainError('invalid_input', `"${shown}" is not an evidence id: expected a SHA-256 as 64 lowercase hex digits.`, { sha256: shown });
  }
  return posix.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

function stored(sha256: string, sizeBytes: number, accepted: AcceptedEvidence, created: boolean, storedAt: string): StoredEvidence {
  const { mediaType, kind } = accepted;
  return { sha256, sizeBytes, mediaType, kind, relativePath: relativeEvidencePath(sha256), created, storedAt };
}

// ---- checks ---------------------------------------------------------------------------------------

/** Refuses empty content, content that is not an accepted photo or video, and content over its limit. */
function acceptContent(store: EvidenceStoreConfig, head: Uint8Array, size: number): AcceptedEvidence {
  if (size === 0) throw emptyEvidence();
  const accepted = acceptEvidenceHead(store, head);
  if (size > accepted.limit) throw evidenceTooLarge(accepted, size, false);
  return accepted;
}

/**
 * What the first bytes of a file ({@link sniffBytes} of them, or all of a shorter file) say it is, and
 * the limit of its kind; refuses empty content and anything that is not an accepted photo or video.
 * For checking an upload as it streams in, before its size is known.
 */
export function acceptEvidenceHead(store: EvidenceStoreConfig, head: Uint8Array): AcceptedEvidence {
  if (head.length === 0) throw emptyEvidence();
  const sniffed = sniffMediaType(head);
  if (!sniffed.accepted) {
    throw new DomainError('invalid_input', `The evidence file is ${sniffed.detected}; evidence must be ${acceptedFormatsText}.`, { detected: sniffed.detected });
  }
  const limit = sniffed.kind === 'photo' ? store.maxPhotoBytes : store.maxVideoBytes;
  return { mediaType: sniffed.mediaType, kind: sniffed.kind, limit };
}

function emptyEvidence(): DomainError {
  return new DomainError('invalid_input', 'The evidence file is empty; upload the photo or video itself.', { sizeBytes: 0 });
}

/** `partial`: the copy stopped at the limit, so the true size is only known to be larger. */
export function evidenceTooLarge(accepted: AcceptedEvidence, size: number, partial: boolean): EvidenceTooLargeError {
  const { kind, limit } = accepted;
  const noun = kind === 'photo' ? 'photo' : 'video';
  const advice = kind === 'photo' ? 'Resize or compress it' : 'Trim or compress it';
  const is = partial ? `is over ${megabytes(limit)}` : `is ${megabytes(size)}`;
  return new EvidenceTooLargeError(`This ${noun} ${is}; ${noun}s may be at most ${megabytes(limit)}. ${advice} and upload it again.`, {
    kind, sizeBytes: partial ? undefined : size, limitBytes: limit,
  });
}

// Binary megabytes, labelled "MB" as file managers and phones do, so a 20 MiB limit reads "20 MB".
function megabytes(bytes: number): string {
  return `${Number((bytes / MiB).toFixed(1))} MB`;
}

// ---- source ---------------------------------------------------------------------------------------

/** Checked by path before opening: opening a FIFO or device could block or never end. */
async function requireRegularFile(sourcePath: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(sourcePath)).isFile();
  } catch (error) {
    throw unreadable(sourcePath, error);
  }
  if (!isFile) throw new DomainError('unreadable_file', `${sourcePath} is not a regular file.`, { file: sourcePath });
}

async function openSource(sourcePath: string): Promise<FileHandle> {
  try {
    return await open(sourcePath, 'r');
  } catch (error) {
    throw unreadable(sourcePath, error);
  }
}

function unreadable(sourcePath: string, error: unknown): DomainError {
  const code = errorCode(error);
  const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? String(error)})`;
  return new DomainError('unreadable_file', `The evidence file ${sourcePath} ${why}.`, { file: sourcePath, cause: code });
}

/** Reads up to {@link sniffBytes} from the start; loops because a read may return fewer bytes than asked. */
async function readHead(source: FileHandle, sourcePath: string): Promise<Uint8Array> {
  const head = Buffer.alloc(sniffBytes);
  let filled = 0;
  while (filled < head.length) {
    const bytesRead = await readAt(source, sourcePath, head, filled, head.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return head.subarray(0, filled);
}

async function readAt(source: FileHandle, sourcePath: string, buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
  try {
    return (await source.read(buffer, offset, length, position)).bytesRead;
  } catch (error) {
    throw unreadable(sourcePath, error);
  }
}

// ---- temporary file and commit --------------------------------------------------------------------

/**
 * Temporary files live in `<dir>/.tmp`, on the same file system as their final place (so the move is
 * atomic) and apart from stored files (so leftovers of a crash are easy to find and delete).
 */
async function newTempPath(store: EvidenceStoreConfig): Promise<string> {
  const tempDirectory = resolve(store.directory, '.tmp');
  await mkdir(tempDirectory, { recursive: true });
  return join(tempDirectory, `${randomUUID()}.part`);
}

/** Copies the source to a new temporary file, hashing and counting as it goes; removes it on any error. */
async function copyToTemp(store: EvidenceStoreConfig, source: FileHandle, sourcePath: string, head: Uint8Array, accepted: AcceptedEvidence): Promise<{ tempPath: string; sha256: string; sizeBytes: number }> {
  const tempPath = await newTempPath(store);
  try {
    // Read-only: stored content never changes, its name is its hash.
    const target = await open(tempPath, 'wx', 0o444);
    try {
      const { sha256, sizeBytes } = await copyChunks(source, sourcePath, target, head, accepted);
      await target.datasync(); // durable before it becomes visible under its final name
      return { tempPath, sha256, sizeBytes };
    } finally {
      await target.close();
    }
  } catch (error) {
    await removeQuietly(tempPath);
    throw error;
  }
}

/** Streams in fixed chunks; stops as soon as the limit is passed (the file may be growing, or huge). */
async function copyChunks(source: FileHandle, sourcePath: string, target: FileHandle, head: Uint8Array, accepted: AcceptedEvidence): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(copyChunkBytes);
  let chunk = head;
  let total = 0;
  while (chunk.length > 0) {
    total += chunk.length;
    if (total > accepted.limit) throw evidenceTooLarge(accepted, total, true);
    hash.update(chunk);
    await target.write(chunk);
    const bytesRead = await readAt(source, sourcePath, buffer, 0, buffer.length, total);
    chunk = buffer.subarray(0, bytesRead);
  }
  return { sha256: hash.digest('hex'), sizeBytes: total };
}

/** Moves the temporary file to its content address; `false` when that content was already stored. */
async function commit(store: EvidenceStoreConfig, tempPath: string, sha256: string): Promise<boolean> {
  try {
    const target = evidencePath(store, sha256);
    await mkdir(dirname(target), { recursive: true });
    return await placeIfAbsent(tempPath, target);
  } finally {
    await removeQuietly(tempPath);
  }
}

// File systems where hard links are not supported (some network and FUSE mounts).
const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * A hard link never replaces an existing file and fails atomically with EEXIST, so of two concurrent
 * uploads of the same content exactly one reports `created`. Without hard links, falls back to
 * check-then-rename: still safe (same content either way), only `created` may be true for both.
 */
async function placeIfAbsent(tempPath: string, target: string): Promise<boolean> {
  try {
    await link(tempPath, target);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code === undefined || !noHardLinks.has(code)) throw error;
  }
  if (await exists(target)) return false;
  await rename(tempPath, target);
  return true;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Best effort: a failed clean-up must not hide the error that caused it; leftovers stay in `.tmp`. */
async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
