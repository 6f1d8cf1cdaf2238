import { createReadStream } from 'node:fs';
import type { ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import type { ReportType } from '../domain/report-records.js';
import { createTextDecoder } from './decode.js';
import { detectEncoding, detectEncodingAfterUtf8 } from './detect-encoding.js';
import type { Encoding } from './decode.js';
import { indexHeader } from './header.js';
import { detectReportSpec, resolveAliases } from './detect.js';
import type { AnyReportSpec } from './report-spec.js';
import { RowReader } from './row-reader.js';
import type { ParseSettings } from './row-reader.js';
import type { RowError } from './row-error.js';

export interface ReportBatch {
  /** Valid records, in file order. */
  records: Array<{ line: number }>;
  /** Rejected rows of this batch, each with its line and column. */
  errors: RowError[];
  /** Data rows read in this batch (valid, rejected and skipped). */
  rows: number;
  /** Rows the report carries but ReturnDesk does not import (settlement non-refund rows). */
  skipped: number;
  /** Rows rejected in this batch (a row can have several errors). */
  rejected: number;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

export interface OpenedReport {
  readonly spec: AnyReportSpec;
  readonly encoding: Encoding;
  readonly size: number;
  /** Reads the data rows; call once. */
  batches(): AsyncGenerator<ReportBatch>;
  /** SHA-256 of the whole file, known once `batches()` has been read to the end. */
  sha256(): string;
  /** Releases the file; safe to call more than once. */
  close(): void;
}

export interface OpenReportOptions {
  type?: ReportType;
  encoding?: Encoding;
  settings: ParseSettings;
  batchSize?: number;
}

const chunkBytes = 1 << 20;

/**
 * Opens a report file: sniffs the encoding from the first chunk (unless given), reads the header,
 * detects the report type from its column names and returns a reader of validated row batches.
 * A file that cannot be read as a known report throws DomainError('unreadable_file').
 */
export async function openReport(path: string, options: OpenReportOptions): Promise<OpenedReport> {
  const { size } = await stat(path);
  if (size === 0) throw new DomainError('unreadable_file', 'The file is empty: there is no header and no rows to import.');
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  try {
    return await readHead(stream, size, options);
  } catch (error) {
    stream.destroy();
    throw error;
  }
}

const nearSampleBytes = 64 << 10;
const nearLeadInBytes = 4 << 10;

/**
 * Guesses the encoding from about 64 KiB of the file around byte `offset`, where reading it as UTF-8
 * failed (see {@link detectEncodingAfterUtf8}). The sample starts at the start of the line holding the
 * offset when that is at most 4 KiB back, since a line never starts mid-character in any of the
 * encodings; else at the offset, the start of the sequence UTF-8 could not read.
 */
export async function detectEncodingNear(path: string, offset: number): Promise<Encoding> {
  const position = Math.max(0, offset - nearLeadInBytes);
  const buffer = Buffer.alloc(nearSampleBytes);
  const file = await open(path, 'r');
  try {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    const lineStart = buffer.lastIndexOf(0x0a, offset - position) + 1;
    const start = lineStart > 0 || position === 0 ? lineStart : offset - position;
    return detectEncodingAfterUtf8(buffer.subarray(start, bytesRead), { wholeFile: bytesRead < buffer.length });
  } finally {
    await file.close();
  }
}

async function readHead(stream: ReadStream, size: number, options: OpenReportOptions): Promise<OpenedReport> {
  const hash = createHash('sha256');
  const chunks = stream[Symbol.asyncIterator]();
  const first = await nextChunk(chunks, hash);
  if (!first) throw new DomainError('unreadable_file', 'The file is empty.');
  const encoding = options.encoding ?? detectEncoding(first, { wholeFile: first.length >= size });
  const decoder = createTextDecoder(encoding);
  const { header, body } = await takeHeader(splitLines(chunks, hash, decoder, first));
  if (header === null || header.trim() === '') {
    throw new DomainError('unreadable_file', 'The first line of the file is empty; an Amazon report starts with its header.');
  }
  const headerCells = header.split('\t');
  if (headerCells.length === 1 && /[,;]/.test(headerCells[0] ?? '')) {
    throw new DomainError('unreadable_file', 'This file is comma- or semicolon-separated. Amazon reports are tab-delimited: use the file as downloaded (a product sheet needs its "sku" column).');
  }
  const index = indexHeader(headerCells);
  const spec = detectReportSpec(index, options.type);
  const reader = new RowReader(resolveAliases(spec, index), headerCells, options.settings);
  return {
    spec,
    encoding,
    size,
    batches: () => readBatches(body, spec, reader, headerCells.length, options.batchSize ?? 2000),
    sha256: () => hash.digest('hex'),
    close: () => stream.destroy(),
  };
}

async function nextChunk(chunks: AsyncIterator<Buffer>, hash: ReturnType<typeof createHash>): Promise<Buffer | null> {
  const { value, done } = await chunks.next();
  if (done) return null;
  hash.update(value);
  return value;
}

/** The decoded lines of one chunk; `firstNumber` is the 1-based number of `lines[0]`. */
interface LineChunk { lines: string[]; firstNumber: number; bytesRead: number }

/**
 * Decoded lines, a chunk at a time (yielding per line costs about a microsecond each in async
 * generators, a second per million rows). CRLF and LF both end a line. The first chunk's first line
 * is the header: `takeHeader` removes it.
 */
async function* splitLines(chunks: AsyncIterator<Buffer>, hash: ReturnType<typeof createHash>, decoder: ReturnType<typeof createTextDecoder>, first: Buffer): AsyncGenerator<LineChunk> {
  let pending = '';
  let number = 1;
  let bytesRead = 0;
  for (let chunk: Buffer | null = first; chunk; chunk = await nextChunk(chunks, hash)) {
    bytesRead += chunk.length;
    const lines = (pending + decoder.write(chunk)).split('\n');
    pending = lines.pop() ?? '';
    if (lines.length > 0) yield { lines, firstNumber: number, bytesRead };
    number += lines.length;
  }
  const rest = pending + decoder.end();
  if (rest !== '') yield { lines: [rest], firstNumber: number, bytesRead };
}

/** Takes the header (the first line) off the stream; `body` yields the lines after it. */
async function takeHeader(lines: AsyncGenerator<LineChunk>): Promise<{ header: string | null; body: AsyncGenerator<LineChunk> }> {
  const { value, done } = await lines.next();
  if (done) return { header: null, body: lines };
  const [header = '', ...after] = value.lines;
  async function* body(): AsyncGenerator<LineChunk> {
    if (after.length > 0) yield { ...value, lines: after, firstNumber: value.firstNumber + 1 };
    yield* lines;
  }
  return { header: stripCr(header), body: body() };
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

async function* readBatches(chunks: AsyncIterable<LineChunk>, spec: AnyReportSpec, reader: RowReader, headerWidth: number, batchSize: number): AsyncGenerator<ReportBatch> {
  const parse = spec.createRowParser();
  let batch = emptyBatch();
  for await (const chunk of chunks) {
    batch.bytesRead = chunk.bytesRead;
    for (let i = 0; i < chunk.lines.length; i++) {
      const text = stripCr(chunk.lines[i]!);
      if (text.trim() === '') continue;
      readRow(batch, parse, reader, text, chunk.firstNumber + i, headerWidth);
      if (batch.rows >= batchSize) {
        yield batch;
        batch = emptyBatch();
        batch.bytesRead = chunk.bytesRead;
      }
    }
  }
  if (batch.rows > 0) yield batch;
}

function readRow(batch: ReportBatch, parse: (reader: RowReader) => { line: number } | null, reader: RowReader, text: string, line: number, headerWidth: number): void {
  batch.rows++;
  const cells = text.split('\t');
  reader.reset(cells, line);
  if (cells.length > headerWidth && cells.slice(headerWidth).some((c) => c.trim() !== '')) {
    reader.errors.push({ line, column: null, message: `The row has ${cells.length} cells but the header has ${headerWidth}: a tab inside a cell, or a line from another file?` });
  }
  const record = parse(reader);
  if (reader.errors.length > 0) {
    batch.rejected++;
    batch.errors.push(...reader.errors);
  } else if (record === null) {
    batch.skipped++;
  } else {
    batch.records.push(record);
  }
}

function emptyBatch(): ReportBatch {
  return { records: [], errors: [], rows: 0, skipped: 0, rejected: 0, bytesRead: 0 };
}
