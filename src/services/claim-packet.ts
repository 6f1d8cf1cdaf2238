// The evidence packet of a claim (issue 5, reference §4.8): ONE ZIP the seller attaches to a SAFE-T
// claim (or keeps with an FBA reimbursement case), holding the case summary, the claim text, the
// photos and videos from the evidence store (re-hashed on the way in), the report lines and a manifest
// of every file with its SHA-256. See docs/claims-packet.md.
import { createHash, randomUUID } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { ZipFile } from 'yazl';
import type { ClaimCandidate } from '../domain/claims/claim.js';
import { claimSummaryHtml } from '../domain/claims/claim-summary.js';
import type { BuyerMessage, TimelineEvent } from '../domain/claims/claim-summary.js';
import { claimText } from '../domain/claims/claim-text.js';
import { DomainError } from '../domain/errors.js';
import { evidencePath, readEvidence } from './evidence-store.js';
import type { EvidenceKind, EvidenceStoreConfig } from './evidence-store.js';

export type { BuyerMessage, TimelineEvent } from '../domain/claims/claim-summary.js';

/** One evidence file to put in the packet, as recorded with the inspection. */
export interface ClaimPacketEvidence {
  readonly sha256: string;
  /** The name it was uploaded under: shown in the summary, and (sanitised) part of its name in the ZIP. */
  readonly fileName: string;
  readonly mediaType: string;
  readonly kind: EvidenceKind;
}

/** One line of an imported report that proves the claim: its file and line, and its values as stored (see proof-row-repository.ts). */
export interface ReportLine {
  readonly file: string;
  /** 1-based line in that file. */
  readonly line: number;
  readonly text: string;
}

export interface ClaimPacketInput {
  readonly candidate: ClaimCandidate;
  readonly timeline: readonly TimelineEvent[];
  readonly messages: readonly BuyerMessage[];
  readonly evidence: readonly ClaimPacketEvidence[];
  readonly reportLines: readonly ReportLine[];
  /** Signs the claim text and names the seller on the summary. */
  readonly sellerName?: string;
  /** Locale of the amounts; default `en-US`. */
  readonly locale?: string;
  /** When the packet is made (UTC ISO-8601); default now. Also the time stamp of every file in the ZIP. */
  readonly nowIso?: string;
}

/** One file in the packet, as listed in `manifest.json`. */
export interface PacketFile {
  /** Path inside the ZIP, always with `/`. */
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

export interface ClaimPacketResult {
  /** The absolute path of the ZIP written. */
  readonly path: string;
  readonly sizeBytes: number;
  /** Every file of the packet but `manifest.json`, in ZIP order: what the manifest lists. */
  readonly files: readonly PacketFile[];
}

/** The manifest's `format`: bump the version when its shape changes. */
export const claimPacketFormat = 'returndesk-claim-packet/1';

interface PlannedEvidence extends ClaimPacketEvidence {
  readonly packetPath: string;
  readonly sizeBytes: number;
}

/**
 * Writes the claim packet to `outPath` (replacing a file there) as one ZIP: `claim.txt`,
 * `summary.html`, `report-lines.tsv`, `evidence/<sha256 prefix>-<safe name>` per evidence file, and
 * `manifest.json` last. Evidence is streamed from the store and re-hashed while it is copied; a file
 * whose content no longer matches its SHA-256 is refused (`conflict`), a missing one is `not_found`
 * naming the SHA-256. The ZIP is written to a temporary file beside `outPath` and renamed into place
 * only when complete: on any error nothing is left at `outPath` or beside it.
 */
export async function writeClaimPacket(outPath: string, input: ClaimPacketInput, store: EvidenceStoreConfig): Promise<ClaimPacketResult> {
  const nowIso = input.nowIso ?? new Date().toISOString();
  const mtime = new Date(nowIso);
  if (Number.isNaN(mtime.getTime())) throw new DomainError('invalid_input', `"${nowIso}" is not an ISO-8601 time.`, { nowIso });
  const locale = input.locale ?? 'en-US';
  const evidence = await planEvidence(store, input.evidence);

  const claim = claimText(input.candidate, { sellerName: input.sellerName, evidenceCount: evidence.length, nowIso, locale });
  const summary = claimSummaryHtml(input.candidate, {
    nowIso, locale, sellerName: input.sellerName, timeline: input.timeline, messages: input.messages, claimText: claim,
    evidence: evidence.map(({ sha256, fileName, mediaType, kind, sizeBytes, packetPath }) => ({ sha256, fileName, mediaType, kind, sizeBytes, packetPath })),
  });
  const texts: [string, string][] = [
    ['claim.txt', `Subject: ${claim.subject}\n\n${claim.body}\n`],
    ['summary.html', summary],
    ['report-lines.tsv', reportLinesTsv(input.reportLines)],
  ];

  const target = resolve(outPath);
  const tempPath = join(dirname(target), `.${basename(target)}.${randomUUID()}.part`);
  const handle = await openTemp(tempPath, target);
  try {
    // writeZip closes the handle, success or not.
    const files = await writeZip(handle, texts, evidence, store, mtime, (listed) => manifest(input.candidate, nowIso, listed, evidence));
    await rename(tempPath, target);
    const { size } = await stat(target);
    return { path: target, sizeBytes: size, files };
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
}

// ---- plan -----------------------------------------------------------------------------------------

/**
 * Checks every evidence file is in the store (before anything is written) and names it in the ZIP.
 * The same content listed twice goes in once.
 */
async function planEvidence(store: EvidenceStoreConfig, evidence: readonly ClaimPacketEvidence[]): Promise<PlannedEvidence[]> {
  const planned: PlannedEvidence[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  for (const item of evidence) {
    if (seen.has(item.sha256)) continue;
    seen.add(item.sha256);
    const path = evidencePath(store, item.sha256); // `invalid_input` unless 64 lowercase hex digits
    let sizeBytes: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      sizeBytes = info.size;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw missingEvidence(item.sha256);
      throw error;
    }
    let packetPath = `evidence/${item.sha256.slice(0, 12)}-${safeFileName(item.fileName, item.mediaType, item.kind)}`;
    // Distinct SHA-256 with the same 12-digit prefix and name: practically never, but names must be unique.
    if (names.has(packetPath)) packetPath = `evidence/${item.sha256}-${safeFileName(item.fileName, item.mediaType, item.kind)}`;
    names.add(packetPath);
    planned.push({ ...item, packetPath, sizeBytes });
  }
  return planned;
}

function missingEvidence(sha256: string): DomainError {
  return new DomainError('not_found', `The evidence file ${sha256} is not in the evidence store; the packet was not written.`, { sha256 });
}

const extensions: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'image/gif': '.gif', 'image/heic': '.heic', 'image/heif': '.heif',
  'video/mp4': '.mp4', 'video/quicktime': '.mov', 'video/webm': '.webm',
};

const longestStem = 60;

/**
 * A name safe in any ZIP tool and file system: only `[A-Za-z0-9._-]`, no leading dot, no path, at most
 * ~70 characters. The extension comes from the media type found in the content when known (a PNG
 * uploaded as `x.mp4` is packed as `x.png`), else from the name.
 */
export function safeFileName(fileName: string, mediaType: string, kind: string): string {
  const last = String(fileName).split(/[/\\]/).pop() ?? '';
  const ascii = last.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const dot = ascii.lastIndexOf('.');
  const stemPart = dot > 0 ? ascii.slice(0, dot) : ascii;
  const namedExtension = dot > 0 ? ascii.slice(dot).toLowerCase().replace(/[^a-z0-9.]/g, '').slice(0, 10) : '';
  const extension = extensions[mediaType.toLowerCase()] ?? (/^\.[a-z0-9]+$/.test(namedExtension) ? namedExtension : '');
  const stem = stemPart.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+|[._-]+$/g, '').slice(0, longestStem).replace(/[._-]+$/, '');
  const fallback = kind.replace(/[^A-Za-z0-9]/g, '') || 'file';
  return `${stem || fallback}${extension}`;
}

// ---- contents -------------------------------------------------------------------------------------

/**
 * `file`, `line`, then the line's text as given: its tabs are kept, so the values stay columns; line
 * breaks inside a value become spaces so each report line stays one line.
 */
function reportLinesTsv(lines: readonly ReportLine[]): string {
  const oneLine = (value: string): string => String(value).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
  const rows = lines.map((row) => `${oneLine(row.file).replace(/\t/g, ' ')}\t${row.line}\t${oneLine(row.text)}`);
  return ['file\tline\ttext', ...rows, ''].join('\n');
}

function manifest(candidate: ClaimCandidate, nowIso: string, files: readonly PacketFile[], evidence: readonly PlannedEvidence[]): Buffer {
  const byPath = new Map(evidence.map((item) => [item.packetPath, item]));
  const document = {
    format: claimPacketFormat,
    createdAt: nowIso,
    claim: {
      key: candidate.key, kind: candidate.kind, marketplace: candidate.marketplaceCode, orderId: candidate.orderId, sku: candidate.sku,
      units: candidate.units, owedMinor: candidate.owedMinor, currency: candidate.currency,
    },
    note: 'Every file of this ZIP but manifest.json, with its SHA-256 and size in bytes.',
    files: files.map((file) => {
      const item = byPath.get(file.path);
      return item ? { ...file, kind: item.kind, mediaType: item.mediaType, uploadedAs: item.fileName } : file;
    }),
  };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}

// ---- ZIP ------------------------------------------------------------------------------------------

async function openTemp(tempPath: string, target: string): Promise<FileHandle> {
  try {
    return await open(tempPath, 'wx', 0o644);
  } catch (error) {
    const code = errorCode(error);
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
    throw new DomainError('invalid_input', `Cannot write the packet to ${target}: ${why}.`, { file: target, cause: code });
  }
}

/** Hashes what passes through; at the end refuses content whose SHA-256 is not the expected one. */
class HashCheck extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly expected: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const found = this.hash.digest('hex');
    if (found === this.expected) return callback();
    callback(new DomainError('conflict', `The evidence file ${this.expected} in the store no longer matches its SHA-256 (its content hashes to ${found}); `
      + 'the store is damaged: restore the file from a backup. The packet was not written.', { sha256: this.expected, found }));
  }
}

/**
 * Streams the entries into the open temporary file: the texts, each evidence file (one at a time, never
 * whole in memory, stored without recompression: photos and videos are compressed already), then the
 * manifest built from what was actually written.
 */
async function writeZip(
  handle: FileHandle, texts: readonly [string, string][], evidence: readonly PlannedEvidence[], store: EvidenceStoreConfig, mtime: Date,
  manifestOf: (files: readonly PacketFile[]) => Buffer,
): Promise<PacketFile[]> {
  const zip = new ZipFile();
  // Closes the handle when done or destroyed; `flush` syncs the data to disk before closing, so the
  // packet is durable before it appears under its final name.
  const output = handle.createWriteStream({ autoClose: true, flush: true });
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  failed.catch(() => undefined); // observed by the races below
  zip.on('error', fail);
  (zip.outputStream as Readable).on('error', fail);
  output.on('error', fail);
  const closed = new Promise<void>((done) => output.on('close', done));
  (zip.outputStream as Readable).pipe(output);

  const sources: Readable[] = [];
  const files: PacketFile[] = [];
  try {
    for (const [path, text] of texts) {
      const bytes = Buffer.from(text, 'utf8');
      zip.addBuffer(bytes, path, { mtime, compress: true });
      files.push({ path, sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length });
    }
    for (const item of evidence) {
      const { sizeBytes, stream } = await Promise.race([readEvidence(store, item.sha256), failed]);
      sources.push(stream);
      const check = new HashCheck(item.sha256);
      const copied = new Promise<void>((done, reject) => {
        stream.on('error', (error) => reject(errorCode(error) === 'ENOENT' ? missingEvidence(item.sha256) : error));
        check.on('error', reject);
        check.on('end', done);
      });
      stream.pipe(check);
      zip.addReadStream(check, item.packetPath, { mtime, compress: false, size: sizeBytes });
      await Promise.race([copied, failed]);
      files.push({ path: item.packetPath, sha256: item.sha256, sizeBytes: check.bytes });
    }
    zip.addBuffer(manifestOf(files), 'manifest.json', { mtime, compress: true });
    zip.end();
    await Promise.race([closed, failed]);
    return files;
  } catch (error) {
    (zip.outputStream as Readable).unpipe(output);
    for (const source of sources) source.destroy();
    output.destroy();
    await closed; // the handle is closed before the caller removes the file
    throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
