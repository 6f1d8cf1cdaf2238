import multipart from '@fastify/multipart';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { errorReplyOf, internalErrorBody } from '../errors.js';
import { checkImportOptions, importFiles } from '../../services/import-files.js';
import type { FileOutcome, ProgressReporter } from '../../services/import-files.js';
import { listImports } from '../../services/list-imports.js';
import { loadDemo } from '../../services/load-demo.js';
import { accountIdOf, actorOf } from '../auth/access.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import { demoBody, importFields, importForm, importListQuery, importListReply, importSummaryReply, toFileOutcomeResponse, toImportRunResponse } from '../schemas/imports.js';
import type { ImportEvent, ImportFields, ImportSummaryResponse } from '../schemas/imports.js';

// Report files come as multipart/form-data and are streamed to a private temporary directory (never
// held in memory, never stored under the client's name), then imported by the CLI's own service.
// Every file is received before the first is imported: a request refused on the way (too large,
// cut short) imports nothing. docs/api/imports.md has the events of `Accept: application/x-ndjson`.

/** Per file: a year of All Orders for a seller with about a million order lines (~500 bytes each). Larger files belong to `returndesk import`, which reads them in place. */
const maxUploadFileBytes = 512 * 1024 ** 2;
/** A year of one seller's reports in one go: the demo's year is 70 files (a settlement every two weeks per marketplace). */
const maxUploadFiles = 100;
/** What the scratch directory must hold for one request at most. */
const maxUploadBytes = 2 * 1024 ** 3;
/** The limits in force, read per request: tests lower them rather than send gigabytes. */
export const uploadLimits = { fileBytes: maxUploadFileBytes, files: maxUploadFiles, totalBytes: maxUploadBytes };

const fieldNames = new Set(Object.keys(importFields.shape));
const ndjson = 'application/x-ndjson';
/** At most four progress lines a second per file: enough for a progress bar, little for a slow client. */
const progressIntervalMs = 250;

type Emit = (event: ImportEvent) => void;
type UploadedFile = { readonly path: string; readonly name: string; readonly bytes: number };

/** Too large for the limits: 413 with this message. */
const uploadTooLarge = (message: string, limitBytes: number) => new DomainError('too_large', message, { limitBytes });

export async function registerImportRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  // Registered in this module's own scope: no other route takes multipart bodies through it.
  await app.register(multipart);

  app.post('/api/accounts/:accountId/imports', describeRoute({
    access: { permission: 'import' }, tags: ['imports'],
    summary: 'Import report files sent as multipart/form-data (field "files"; optional type, encoding, marketplace as `returndesk import` takes them): '
      + '201 with each file\'s result. With Accept: application/x-ndjson: 200 and one JSON event per line as the work goes '
      + '(received, progress, result per file, then summary, or error).',
    params: accountParams, body: importForm, consumes: ['multipart/form-data'], replies: { 201: importSummaryReply, 200: 'file' },
  }), async (request, reply) => {
    if (!request.isMultipart()) throw new DomainError('invalid_input', 'Send the report files as multipart/form-data, in the field "files".', {});
    return answer(request, reply, (emit) => withScratch(context, (dir) => importUpload(request, context, dir, emit)));
  });

  app.get('/api/accounts/:accountId/imports', describeRoute({
    access: { permission: 'read' }, tags: ['imports'], summary: 'The account\'s import runs, newest first, paged',
    params: accountParams, query: importListQuery, replies: { 200: importListReply },
  }), async (request) => {
    const query = importListQuery.parse(request.query);
    const page = await listImports(context.database, accountIdOf(request), query);
    return { items: page.items.map(toImportRunResponse), total: page.total, limit: query.limit, offset: query.offset };
  });

  app.post('/api/accounts/:accountId/demo', describeRoute({
    access: { permission: 'import' }, tags: ['imports'],
    summary: 'Load the demo seller\'s year of reports into the account, as `returndesk demo` does (body {} or {"seed": n}); answers like an import, NDJSON included',
    params: accountParams, body: demoBody, replies: { 201: importSummaryReply, 200: 'file' },
  }), async (request, reply) => {
    if (request.body === undefined || request.body === null) throw new DomainError('invalid_input', 'Send a JSON body: {} loads the demo with seed 42, {"seed": n} another one.', {});
    const { seed } = demoBody.parse(request.body);
    const options = { seed, endDate: new Date(context.now()), accountId: accountIdOf(request), actor: actorOf(request.identity), now: context.now };
    return answer(request, reply, (emit) => withScratch(context, async (dir) => {
      const outcomes = await loadDemo(context.database, { ...options, dir, ...reporting(emit, basename) });
      return summaryOf(outcomes, basename);
    }));
  });
}

/** 201 with the summary; with `Accept: application/x-ndjson`, 200 at once and the events as they happen. */
async function answer(request: FastifyRequest, reply: FastifyReply, work: (emit: Emit) => Promise<ImportSummaryResponse>): Promise<FastifyReply> {
  if (!wantsEvents(request)) return reply.status(201).send(await work(() => undefined));
  const stream = new PassThrough();
  // A client that went away stops reading, not the import: each file still lands whole or not at all.
  stream.on('error', () => undefined);
  const emit: Emit = (event) => { if (!stream.destroyed) stream.write(`${JSON.stringify(event)}\n`); };
  reply.status(200).header('content-type', `${ndjson}; charset=utf-8`).header('x-content-type-options', 'nosniff').send(stream);
  try {
    emit({ type: 'summary', ...await work(emit) });
  } catch (error) {
    // The status is sent: a failure now can only be told in the stream.
    emit(errorEventOf(error, request));
  } finally {
    stream.end();
  }
  return reply;
}

function wantsEvents(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').split(',').some((type) => type.split(';')[0]!.trim().toLowerCase() === ndjson);
}

/** The error body the error handler would have answered, as the stream's last line. */
function errorEventOf(error: unknown, request: FastifyRequest): ImportEvent {
  const known = errorReplyOf(error);
  if (known) return { type: 'error', ...known.body };
  request.log.error({ err: error }, 'import failed');
  return { type: 'error', ...internalErrorBody };
}

/** A private directory (mode 0700) for one request's files, removed afterwards whatever happened. */
async function withScratch<T>(context: RouteContext, work: (dir: string) => Promise<T>): Promise<T> {
  await mkdir(context.scratchDirectory, { recursive: true });
  const dir = await mkdtemp(join(context.scratchDirectory, 'returndesk-import-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function importUpload(request: FastifyRequest, context: RouteContext, dir: string, emit: Emit): Promise<ImportSummaryResponse> {
  const upload = await receiveUpload(request, dir, emit);
  const outcomes = await importFiles(context.database, upload.files, {
    defaultMarketplace: context.defaultMarketplace, ...upload.fields, accountId: accountIdOf(request), actor: actorOf(request.identity), now: context.now, ...reporting(emit, (file) => file),
  });
  return summaryOf(outcomes, (file) => file);
}

/** Progress and per-file results as events; `nameOf` turns what the service calls a file into what the client knows. */
function reporting(emit: Emit, nameOf: (file: string) => string): { progress: (file: string) => ProgressReporter; onOutcome: (outcome: FileOutcome) => void } {
  return {
    progress: (file) => {
      let last = -Infinity;
      return {
        update: ({ bytesRead, size, rows }) => {
          if (performance.now() - last < progressIntervalMs) return;
          last = performance.now();
          emit({ type: 'progress', file: nameOf(file), bytesRead, size, rows });
        },
        stop: () => undefined,
      };
    },
    onOutcome: (outcome) => emit({ type: 'result', ...toFileOutcomeResponse(outcome, nameOf(outcome.file)) }),
  };
}

function summaryOf(outcomes: readonly FileOutcome[], nameOf: (file: string) => string): ImportSummaryResponse {
  return { files: outcomes.map((outcome) => toFileOutcomeResponse(outcome, nameOf(outcome.file))) };
}

/** Streams every part to disk (files) or keeps it (fields); the options are checked once all have come. */
async function receiveUpload(request: FastifyRequest, dir: string, emit: Emit): Promise<{ files: UploadedFile[]; fields: ImportFields }> {
  const files: UploadedFile[] = [];
  const fields = new Map<string, string>();
  const limits = { fileSize: uploadLimits.fileBytes, files: uploadLimits.files, fields: fieldNames.size, fieldSize: 1024, parts: uploadLimits.files + fieldNames.size };
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type === 'field') {
        keepField(fields, part);
        continue;
      }
      const file = await saveFile(part, join(dir, `upload-${files.length + 1}`), files.length + 1);
      files.push(file);
      if (files.reduce((sum, f) => sum + f.bytes, 0) > uploadLimits.totalBytes) throw uploadTooLarge(`The files add up to more than ${sizeOf(uploadLimits.totalBytes)}, the most one request may send: send them in several requests.`, uploadLimits.totalBytes);
      emit({ type: 'received', file: file.name, bytes: file.bytes });
    }
  } catch (error) {
    // Nothing reads the rest of the body now: let it drain rather than hold the connection.
    request.raw.unpipe();
    request.raw.resume();
    throw uploadErrorOf(error);
  }
  if (files.length === 0) throw new DomainError('invalid_input', 'Send at least one report file in the multipart field "files".', {});
  return { files, fields: optionsOf(fields) };
}

async function saveFile(part: MultipartFile, path: string, index: number): Promise<UploadedFile> {
  if (part.fieldname !== 'files') throw new DomainError('invalid_input', `Send report files in the field "files", not "${part.fieldname}".`, { field: part.fieldname });
  const name = displayNameOf(part.filename, index);
  const target = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  await pipeline(part.file, target);
  // Busboy stops writing at the limit and marks the part truncated: the file on disk is incomplete.
  if (part.file.truncated) throw uploadTooLarge(`${name} is larger than ${sizeOf(uploadLimits.fileBytes)}, the most one uploaded file may be: import it with \`returndesk import\` on the server.`, uploadLimits.fileBytes);
  return { path, name, bytes: target.bytesWritten };
}

/** The client's file name, only ever shown: busboy already cut any folder off it; control characters go too. */
function displayNameOf(filename: string | undefined, index: number): string {
  const name = (filename ?? '').replace(/\p{Cc}/gu, '').trim().slice(0, 200);
  return name === '' ? `file ${index}` : name;
}

function keepField(fields: Map<string, string>, part: MultipartValue): void {
  const name = part.fieldname;
  if (name === 'files') throw new DomainError('invalid_input', 'The field "files" must hold files (parts with a filename), not text.', { field: name });
  if (!fieldNames.has(name)) throw new DomainError('invalid_input', `Unknown field "${name}": send "files", and optionally ${[...fieldNames].join(', ')}.`, { field: name });
  if (fields.has(name)) throw new DomainError('invalid_input', `Send the field "${name}" once.`, { field: name });
  if (part.valueTruncated) throw new DomainError('invalid_input', `The field "${name}" is too long.`, { field: name });
  fields.set(name, String(part.value));
}

function optionsOf(fields: Map<string, string>): ImportFields {
  const options = importFields.parse(Object.fromEntries(fields));
  checkImportOptions(options);
  return options;
}

/** What went wrong reading the body, as the client's mistake (400/413) unless the disk failed (500). */
function uploadErrorOf(error: unknown): unknown {
  if (isDomainError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_FILES_LIMIT') return new DomainError('too_large', `Send at most ${uploadLimits.files} files in one request: send the rest in another.`, { limitFiles: uploadLimits.files });
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new DomainError('invalid_input', `Send the files and at most the fields ${[...fieldNames].join(', ')}.`, {});
  if (error instanceof Error && 'syscall' in error) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError('invalid_input', `The multipart body could not be read (${reason}): send the files as multipart/form-data, complete.`, {});
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MiB` : `${bytes} bytes`;
}
