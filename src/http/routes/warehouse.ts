import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { ErrorCode } from '../../domain/errors.js';
import { dispositionForCase } from '../../services/case-disposition.js';
import { downloadName, findAccountEvidence, listEvidenceOfCase } from '../../services/case-evidence.js';
import { readEvidence } from '../../services/evidence-store.js';
import type { ByteRange, EvidenceStoreConfig } from '../../services/evidence-store.js';
import { receiveEvidenceUpload, withUploadDirectory } from '../../services/evidence-upload.js';
import type { EvidenceUpload } from '../../services/evidence-upload.js';
import { resolveCase } from '../../services/find-case.js';
import { inspectReturn } from '../../services/inspect-return.js';
import { inspectionSheetOf } from '../../services/inspection-sheet.js';
import type { InspectedReturn } from '../../services/inspect-return.js';
import { receiveReturn } from '../../services/receive-return.js';
import { recordDisposition } from '../../services/record-disposition.js';
import { nameOfUser } from '../../services/users.js';
import { accountIdOf, actorOf } from '../auth/access.js';
import { ifMatchHeader, ifMatchVersion, setCaseEtag } from '../case-versions.js';
import { attachmentHeaders } from '../downloads.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import { returnCaseParams, toReturnCaseResponse } from '../schemas/returns.js';
import {
  caseLookupQuery, caseLookupReply, dispositionBody, dispositionChoicesReply, dispositionReply, evidenceListQuery, evidenceListReply, evidenceParams, inspectionFields,
  inspectionForm, inspectionReply, inspectionSheetReply, receiptBody, receiptReply, toDispositionChoicesResponse, toDispositionResponse, toEvidenceResponse, toInspectionResponse,
  toInspectionSheetResponse, toReceiptResponse,
} from '../schemas/warehouse.js';
import type { RouteSuggestion } from '../schemas/warehouse.js';

// The warehouse over HTTP (docs/api/warehouse.md): scan, receive, inspect with photos and videos,
// route. Every change takes the case's ETag as If-Match and answers the new one.

const tags = ['warehouse'];
const casePath = '/api/accounts/:accountId/returns/:id';
// Enough for a checklist and a few dozen photos; a form past these is refused by the parser (413).
const formLimits = { fields: 10, fieldSize: 64 * 1024, files: 30, parts: 40, headerPairs: 100 };
/**
 * All the files of one inspection together: twice the largest one file may be. With the default limits
 * (500 MiB videos) one unboxing video and its photos fit; 30 videos (15 GiB of scratch space, then as
 * much again in the store) do not.
 */
const inspectionTotalBytes = (store: EvidenceStoreConfig) => 2 * Math.max(store.maxPhotoBytes, store.maxVideoBytes);

export async function registerWarehouseRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { maxPhotoBytes, maxVideoBytes } = context.evidence;
  // One byte over the larger limit: the stream check names the file and its limit before the parser cuts it.
  await app.register(multipart, { limits: { ...formLimits, fileSize: Math.max(maxPhotoBytes, maxVideoBytes) + 1 } });
  registerScanAndReceipt(app, context);
  registerInspection(app, context);
  registerEvidence(app, context);
  registerDisposition(app, context);
}

/** The name the record shows: the one sent, else the signed-in user's (a token's user's). */
async function nameOf(context: RouteContext, request: FastifyRequest, sent: string | undefined): Promise<string> {
  if (sent !== undefined) return sent;
  const identity = request.identity;
  if (identity === null) throw new Error('A change reached its handler without an identity.');
  return nameOfUser(context.database, identity.userId);
}

function guardOf(request: FastifyRequest) {
  return { expectedVersion: ifMatchVersion(request), actor: actorOf(request.identity) };
}

function registerScanAndReceipt(app: FastifyInstance, context: RouteContext): void {
  app.get('/api/accounts/:accountId/cases/lookup', describeRoute({
    access: { permission: 'read' }, tags,
    summary: 'The warehouse scan: the one case a case id, RMA id, tracking number, order id or license plate names, and what matched; its version is the ETag',
    params: accountParams, query: caseLookupQuery, replies: { 200: caseLookupReply },
  }), async (request, reply) => {
    const { identifier } = caseLookupQuery.parse(request.query);
    const { returnCase, matchedOn } = await resolveCase(context.database, accountIdOf(request), identifier);
    setCaseEtag(reply, returnCase.version);
    return { case: toReturnCaseResponse(returnCase), matchedOn };
  });

  app.post(`${casePath}/receipts`, describeRoute({
    access: { permission: 'receive' }, tags,
    summary: 'Record that the parcel arrived (when, who, the outer box); a seller-fulfilled case becomes received and its refund clock starts. Needs If-Match',
    params: returnCaseParams, headers: ifMatchHeader, body: receiptBody, replies: { 201: receiptReply },
  }), async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const guard = guardOf(request);
    const body = receiptBody.parse(request.body ?? {});
    const receivedBy = await nameOf(context, request, body.receivedBy);
    const received = await receiveReturn(context.database, accountIdOf(request), {
      identifier: { caseId: id }, receivedBy, outerBox: body.outerBox, receivedAt: body.receivedAt, note: body.note,
    }, context.now(), 'api', guard);
    setCaseEtag(reply, received.version);
    return reply.status(201).send(toReceiptResponse(received));
  });
}

function registerInspection(app: FastifyInstance, context: RouteContext): void {
  app.get(`${casePath}/checklist`, describeRoute({
    access: { permission: 'read' }, tags,
    summary: 'Where the unit stands (its latest arrival and that arrival\'s inspection) and what its inspection asks: the items this product\'s category must answer, '
      + 'the accessories its product sheet expects, the evidence size limits. Its version is the ETag',
    params: returnCaseParams, replies: { 200: inspectionSheetReply },
  }), async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const sheet = await inspectionSheetOf(context.database, accountIdOf(request), id);
    setCaseEtag(reply, sheet.returnCase.version);
    const { maxPhotoBytes, maxVideoBytes } = context.evidence;
    return toInspectionSheetResponse(sheet, { maxPhotoBytes, maxVideoBytes });
  });

  app.post(`${casePath}/inspections`, describeRoute({
    access: { permission: 'receive' }, tags,
    summary: 'Record the inspection: multipart/form-data with "answers" (the checklist as JSON), optional "inspectedBy", and "evidence" files (photos, videos). '
      + 'Answers the grade, the best route and the evidence stored. Needs If-Match',
    params: returnCaseParams, headers: ifMatchHeader, consumes: ['multipart/form-data'], body: inspectionForm, replies: { 201: inspectionReply },
  }), async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const guard = guardOf(request);
    const accountId = accountIdOf(request);
    const inspected = await withUploadDirectory(context.scratchDirectory, async (directory) => {
      const form = await readInspectionForm(request, context.evidence, directory);
      const inspectedBy = await nameOf(context, request, form.inspectedBy);
      return inspectReturn(context.database, accountId, {
        identifier: { caseId: id }, inspectedBy, answers: form.answers, evidenceFiles: form.files,
      }, context.evidence, context.now(), 'api', guard);
    }).catch(formError);
    setCaseEtag(reply, inspected.version);
    return reply.status(201).send(toInspectionResponse(inspected, await suggestionFor(context, accountId, inspected)));
  });
}

interface InspectionForm {
  readonly answers: unknown;
  readonly inspectedBy?: string;
  readonly files: readonly EvidenceUpload[];
}

/** Reads the form part by part: each file is streamed to `directory` and checked as it arrives. */
async function readInspectionForm(request: FastifyRequest, store: EvidenceStoreConfig, directory: string): Promise<InspectionForm> {
  if (!request.isMultipart()) {
    throw new DomainError('invalid_input', 'Send the inspection as multipart/form-data: an "answers" field with the checklist as JSON, and the photos and videos as "evidence" files.', {});
  }
  const fields: Record<string, string> = {};
  const files: EvidenceUpload[] = [];
  let received = 0;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      // A part sent as application/json arrives parsed; the schema reads every field as text.
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
    } else if (part.fieldname === 'evidence') {
      const name = uploadedName(part.filename, files.length + 1);
      files.push(await receiveEvidenceUpload(store, part.file, join(directory, String(files.length + 1)), name));
      received += (await stat(files.at(-1)!.path)).size;
      const limitBytes = inspectionTotalBytes(store);
      if (received > limitBytes) {
        throw new DomainError('too_large', `The files of one inspection may add up to ${limitBytes} bytes; with "${name}" they pass it: send fewer or smaller files.`, { limitBytes });
      }
    } else {
      part.file.resume();
      throw new DomainError('invalid_input', `Send photos and videos as "evidence" files, not "${part.fieldname}".`, { field: part.fieldname });
    }
  }
  return { ...inspectionFields.parse(fields), files };
}

/** The uploader's name for a file, for people only (never a path): no folders, no control characters, not too long. */
function uploadedName(sent: string | undefined, index: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const name = (sent ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return name === '' ? `evidence-${index}` : name;
}

// The form parser's own refusals, said in the API's words.
const formRefusals: Readonly<Record<string, readonly [ErrorCode, string]>> = {
  FST_FILES_LIMIT: ['too_large', `Send at most ${formLimits.files} evidence files with one inspection.`],
  FST_FIELDS_LIMIT: ['too_large', `The form has more than ${formLimits.fields} fields: send "answers", "inspectedBy" and the "evidence" files.`],
  FST_PARTS_LIMIT: ['too_large', `The form has more than ${formLimits.parts} parts: send "answers", "inspectedBy" and at most ${formLimits.files} "evidence" files.`],
  FST_INVALID_JSON_FIELD_ERROR: ['invalid_input', 'A form field sent as application/json is not JSON: send the checklist answers as a JSON object.'],
};

/** A file over its limit answers 413 (Content Too Large) with its own message; the parser's refusals get one that says what to send. */
function formError(error: unknown): never {
  const refusal = formRefusals[(error as { code?: string } | null)?.code ?? ''];
  if (refusal) throw new DomainError(refusal[0], refusal[1], {});
  throw error;
}

/** The best route for the unit just graded; the inspection is recorded either way, so a pricing gap only says why there is none. */
async function suggestionFor(context: RouteContext, accountId: number, inspected: InspectedReturn): Promise<RouteSuggestion> {
  try {
    const found = await dispositionForCase(context.database, accountId, { caseId: inspected.caseId }, context.now());
    const best = found.result.recommended;
    if (best) return { suggestion: { route: best.route, netRecoveryMinor: best.netRecoveryMinor, currency: found.result.currency }, suggestionNote: null };
    return { suggestion: null, suggestionNote: 'No route is open for this unit (an empty parcel or a wrong item is a claim, not a route).' };
  } catch (error) {
    if (isDomainError(error)) return { suggestion: null, suggestionNote: error.message };
    throw error;
  }
}

function registerEvidence(app: FastifyInstance, context: RouteContext): void {
  app.get(`${casePath}/evidence`, describeRoute({
    access: { permission: 'read' }, tags, summary: 'The photos and videos of a case, oldest first, paged',
    params: returnCaseParams, query: evidenceListQuery, replies: { 200: evidenceListReply },
  }), async (request) => {
    const { id } = returnCaseParams.parse(request.params);
    const query = evidenceListQuery.parse(request.query);
    const page = await listEvidenceOfCase(context.database, accountIdOf(request), id, query);
    return { items: page.items.map(toEvidenceResponse), total: page.total, limit: query.limit, offset: query.offset };
  });

  app.get('/api/accounts/:accountId/evidence/:sha256', describeRoute({
    access: { permission: 'read' }, tags,
    summary: 'Download one photo or video of a case of this account, by its SHA-256, as an attachment; one byte range (Range: bytes=…) for video players',
    params: evidenceParams, replies: { 200: 'file', 206: 'file' },
  }), async (request, reply) => {
    const { sha256 } = evidenceParams.parse(request.params);
    const evidence = await findAccountEvidence(context.database, accountIdOf(request), sha256);
    const range = requestedRange(request.headers.range, evidence.sizeBytes, reply);
    const { stream } = await readEvidence(context.evidence, sha256, range);
    reply.headers({
      ...attachmentHeaders(downloadName(evidence), evidence.mediaType),
      'accept-ranges': 'bytes', 'content-length': range ? range.end - range.start + 1 : evidence.sizeBytes,
    });
    if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${evidence.sizeBytes}`);
    return reply.send(stream);
  });
}

/**
 * The one byte range asked for, or undefined for the whole file (no Range, or several ranges, which
 * RFC 9110 lets a server answer whole). A range outside the file answers 416.
 */
function requestedRange(header: string | undefined, size: number, reply: FastifyReply): ByteRange | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1]!, match[2]!];
  const range = first === ''
    ? { start: Math.max(0, size - Number(last)), end: size - 1 }
    : { start: Number(first), end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
  if (range.start > range.end || range.start >= size || (first === '' && Number(last) === 0)) {
    reply.header('content-range', `bytes */${size}`);
    throw Object.assign(new Error(`The range ${header} is outside the file (${size} bytes).`), { statusCode: 416 });
  }
  return range;
}

function registerDisposition(app: FastifyInstance, context: RouteContext): void {
  app.get(`${casePath}/disposition`, describeRoute({
    access: { permission: 'read' }, tags,
    summary: 'Every route for the unit (restock, sell as used, liquidate, dispose…) priced now with its components and net recovery, and the best one; '
      + 'for an inspected unit, or an FBA unit Amazon graded unsellable (else 409). Its version is the ETag, for POST …/dispositions',
    params: returnCaseParams, replies: { 200: dispositionChoicesReply },
  }), async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const found = await dispositionForCase(context.database, accountIdOf(request), { caseId: id }, context.now());
    setCaseEtag(reply, found.version);
    return toDispositionChoicesResponse(found);
  });

  app.post(`${casePath}/dispositions`, describeRoute({
    access: { permission: 'receive' }, tags,
    summary: 'Record the route chosen for the inspected unit (restock, sell as used, liquidate, dispose…) with every route as priced now; '
      + 'the same route again with realizedMinor adds what it brought (200). Needs If-Match',
    params: returnCaseParams, headers: ifMatchHeader, body: dispositionBody, replies: { 201: dispositionReply, 200: dispositionReply },
  }), async (request, reply) => {
    const { id } = returnCaseParams.parse(request.params);
    const guard = guardOf(request);
    const body = dispositionBody.parse(request.body ?? {});
    const decidedBy = await nameOf(context, request, body.decidedBy);
    const recorded = await recordDisposition(context.database, accountIdOf(request), {
      identifier: { caseId: id }, route: body.route, decidedBy, realizedMinor: body.realizedMinor, note: body.note,
    }, context.now(), 'api', guard);
    setCaseEtag(reply, recorded.version);
    return reply.status(recorded.created ? 201 : 200).send(toDispositionResponse(recorded));
  });
}
