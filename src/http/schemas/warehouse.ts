import { z } from 'zod';
import { deadlineRuleIds } from '../../domain/deadlines/deadline-rules.js';
import { dispositionRules } from '../../domain/disposition/disposition-rules.js';
import type { DispositionRule } from '../../domain/disposition/disposition-rules.js';
import { dispositionRoutes } from '../../domain/disposition/disposition-types.js';
import type { DispositionOption, RecoveryComponent } from '../../domain/disposition/disposition-types.js';
import { fbaUnsellableDispositions, fbaUnsellableRoutes } from '../../domain/disposition/fba-unsellable.js';
import type { FbaUnsellableOption } from '../../domain/disposition/fba-unsellable.js';
import { booleanItems, checklistItems, choiceItemValues } from '../../domain/inspection/checklist.js';
import type { InspectionAnswers } from '../../domain/inspection/checklist.js';
import { inspectionGrades } from '../../domain/inspection/inspection-grades.js';
import type { InspectionGrade } from '../../domain/inspection/inspection-grades.js';
import { returnStatuses } from '../../domain/lifecycle.js';
import { marketplaceCodes } from '../../domain/marketplaces.js';
import { conditionGrades } from '../../domain/policy/policy.js';
import type { ConditionGrade } from '../../domain/policy/policy.js';
import { outerBoxStates } from '../../domain/receiving/receipt.js';
import type { OuterBoxState } from '../../domain/receiving/receipt.js';
import type { CaseDisposition, StoredInspection } from '../../services/case-disposition.js';
import type { CaseEvidence } from '../../services/case-evidence.js';
import type { CaseIdentifierKind } from '../../services/find-case.js';
import type { InspectedReturn } from '../../services/inspect-return.js';
import type { InspectionSheet } from '../../services/inspection-sheet.js';
import type { ReceivedReturn } from '../../services/receive-return.js';
import type { RecordedDisposition } from '../../services/record-disposition.js';
import { accountParams } from './accounts.js';
import { returnCaseReply } from './returns.js';

// The warehouse side of a return over HTTP (docs/api/warehouse.md): the scan, the receipt, the
// inspection with its photos and videos, and the route the unit takes.

/** Who did it, as the record shows it (a shared warehouse login names the person); default: the caller's display name. */
const personName = (field: string) => z.string().trim().min(1, `Say who it was, or leave "${field}" out to be named yourself.`).max(200).optional();
const note = z.string().max(2000).optional();

export const caseLookupQuery = z.object({
  identifier: z.string().trim().min(1, 'Give a case id, RMA id, tracking number, order id or license plate number.').max(200),
}).strict();

const identifierKinds = ['case_id', 'rma_id', 'tracking_id', 'order_id', 'license_plate'] as const satisfies readonly CaseIdentifierKind[];

export const caseLookupReply = z.object({ case: returnCaseReply, matchedOn: z.enum(identifierKinds) }).strict();

export const receiptBody = z.object({
  outerBox: z.enum(outerBoxStates),
  /** ISO-8601; default now, never in the future (the domain says why). */
  receivedAt: z.string().max(40).optional(),
  receivedBy: personName('receivedBy'), note,
}).strict();

export const receiptReply = z.object({
  caseId: z.number().int(), receiptId: z.number().int(), matchedOn: z.enum(identifierKinds), outerBox: z.enum(outerBoxStates),
  receivedAt: z.string(), receivedBy: z.string(), statusBefore: z.enum(returnStatuses), status: z.enum(returnStatuses), version: z.number().int(),
  deadlines: z.array(z.object({ ruleId: z.enum(deadlineRuleIds), dueAt: z.string(), label: z.object({ en: z.string(), zh: z.string() }).strict() }).strict()),
}).strict();

/** The text fields of the inspection form; the checklist itself is checked by the domain (docs/inspection.md). */
export const inspectionFields = z.object({
  answers: z.string({ error: 'Send the checklist answers in the "answers" field, as a JSON object.' }).max(64 * 1024).transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'The "answers" field is not JSON: send an object of checklist answers, e.g. {"unitPresent": true, "damage": "none"}.' });
      return z.NEVER;
    }
  }),
  inspectedBy: personName('inspectedBy'),
}).strict();

/** The multipart form, for the OpenAPI document (the handler reads the parts as they stream in). */
export const inspectionForm = z.object({
  answers: z.string().describe('The checklist answers as a JSON object (docs/inspection.md), e.g. {"unitPresent": true, "damage": "none"}'),
  inspectedBy: z.string().optional().describe('Who inspected the unit; default: your display name'),
  evidence: z.array(z.string().describe('binary')).optional().describe('Photos and videos, one file part each (JPEG, PNG, WebP, HEIC/HEIF, GIF, MP4, MOV, WebM)'),
});

const evidenceItem = z.object({
  sha256: z.string(), kind: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), fileName: z.string().nullable(),
  inspectionId: z.number().int().nullable(), uploadedBy: z.string(), uploadedAt: z.string(),
}).strict();

export const inspectionReply = z.object({
  caseId: z.number().int(), inspectionId: z.number().int(), grade: z.enum(inspectionGrades), conditionGrade: z.enum(conditionGrades),
  ruleId: z.string(), rule: z.object({ en: z.string(), zh: z.string() }).strict(), findings: z.array(z.string()),
  productCategory: z.string().nullable(), statusBefore: z.enum(returnStatuses), status: z.enum(returnStatuses), version: z.number().int(),
  evidence: z.array(z.object({ sha256: z.string(), kind: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), fileName: z.string(), created: z.boolean() }).strict()),
  /** The best route for the graded unit (`POST …/dispositions` records one); null with `suggestionNote` saying why when there is none. */
  suggestion: z.object({ route: z.enum(dispositionRoutes), netRecoveryMinor: z.number().int(), currency: z.string() }).strict().nullable(),
  suggestionNote: z.string().nullable(),
}).strict();
export type InspectionResponse = z.infer<typeof inspectionReply>;
export type RouteSuggestion = Pick<InspectionResponse, 'suggestion' | 'suggestionNote'>;

export const evidenceListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

export const evidenceListReply = z.object({ items: z.array(evidenceItem), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }).strict();

export const evidenceParams = accountParams.extend({
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'An evidence id is the file\'s SHA-256: 64 hex digits.').transform((s) => s.toLowerCase()),
});

export const dispositionBody = z.object({
  route: z.enum(dispositionRoutes),
  /** What the route brought (negative: what it cost), in minor units of the unit's currency; may be added later by recording the same route again. */
  realizedMinor: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
  decidedBy: personName('decidedBy'), note,
}).strict();

export const dispositionReply = z.object({
  caseId: z.number().int(), dispositionId: z.number().int(), route: z.enum(dispositionRoutes), recommendedRoute: z.enum(dispositionRoutes).nullable(),
  expectedNetMinor: z.number().int(), realizedMinor: z.number().int().nullable(), currency: z.string(), created: z.boolean(), version: z.number().int(),
}).strict();

// Every route of a unit as `returndesk disposition ID --json` shows it (docs/disposition.md): money in
// minor units of `result.currency`; each net is exactly the sum of its components.

const ruleIds = z.enum(Object.values(dispositionRules) as [DispositionRule, ...DispositionRule[]]);

const recoveryComponent = z.object({
  id: z.string(), label: z.string(), amountMinor: z.number().int(),
  /** The chance the amount was weighted by, when it is an expectation (an FBA unit's grade after removal). */
  probability: z.number().min(0).max(1).optional(),
}).strict();

const routeOption = <R extends readonly [string, ...string[]]>(routes: R) => z.object({
  route: z.enum(routes), allowed: z.boolean(), blockedBy: z.array(ruleIds), netRecoveryMinor: z.number().int(), components: z.array(recoveryComponent),
}).strict();

const routeComparison = <R extends readonly [string, ...string[]]>(routes: R) => {
  const option = routeOption(routes);
  return { currency: z.string(), atIso: z.string(), options: z.array(option), recommended: option.nullable(), firedRules: z.array(ruleIds) };
};

/** The stored checklist answers, item by item as the domain reads them (docs/inspection.md). */
const inspectionAnswers = z.object({
  ...Object.fromEntries(booleanItems.map((item) => [item, z.boolean().optional()])) as Record<(typeof booleanItems)[number], z.ZodOptional<z.ZodBoolean>>,
  outerBox: z.enum(choiceItemValues.outerBox).optional(), retailPackaging: z.enum(choiceItemValues.retailPackaging).optional(),
  seal: z.enum(choiceItemValues.seal).optional(), signsOfUse: z.enum(choiceItemValues.signsOfUse).optional(),
  damage: z.enum(choiceItemValues.damage).optional(), functionTest: z.enum(choiceItemValues.functionTest).optional(),
  accessoriesMissing: z.array(z.string()).optional(),
}).strict();

const storedInspection = z.object({
  id: z.number().int(), accountId: z.number().int(), caseId: z.number().int(), receiptId: z.number().int(), productCategory: z.string().nullable(),
  answers: inspectionAnswers, grade: z.enum(inspectionGrades), ruleId: z.string(), conditionGrade: z.enum(conditionGrades),
  inspectedBy: z.string(), inspectedAt: z.string(),
}).strict();

const caseOfUnit = { caseId: z.number().int(), marketplaceCode: z.enum(marketplaceCodes), version: z.number().int() };

export const dispositionChoicesReply = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('inspected'), ...caseOfUnit, inspectionId: z.number().int(), grade: z.enum(inspectionGrades),
    result: z.object(routeComparison(dispositionRoutes)).strict(), inspection: storedInspection,
  }).strict(),
  z.object({
    kind: z.literal('fba_unsellable'), ...caseOfUnit,
    result: z.object({ ...routeComparison(fbaUnsellableRoutes), detailedDisposition: z.enum(fbaUnsellableDispositions) }).strict(),
  }).strict(),
]);
type DispositionChoicesResponse = z.infer<typeof dispositionChoicesReply>;

/** Where the unit stands and what its inspection asks (`GET …/returns/:id/checklist`). */
export const inspectionSheetReply = z.object({
  caseId: z.number().int(), version: z.number().int(), sku: z.string(), productCategory: z.string().nullable(),
  requiredItems: z.array(z.enum(checklistItems)).describe('The items this product\'s category must answer, in checklist order (docs/inspection.md)'),
  expectedAccessories: z.array(z.string()).describe('The product sheet\'s accessories: accessoriesMissing names only these, and is asked only when there are some'),
  receipt: z.object({ id: z.number().int(), receivedAt: z.string(), receivedBy: z.string(), outerBox: z.enum(outerBoxStates), note: z.string().nullable() }).strict().nullable(),
  inspection: storedInspection.extend({ rule: z.object({ en: z.string(), zh: z.string() }).strict() }).strict().nullable()
    .describe('The inspection of the latest arrival, if done, with the sentence of the rule that gave its grade'),
  evidenceLimits: z.object({ maxPhotoBytes: z.number().int(), maxVideoBytes: z.number().int() }).strict(),
}).strict();
export type InspectionSheetResponse = z.infer<typeof inspectionSheetReply>;

export function toInspectionSheetResponse(sheet: InspectionSheet, limits: InspectionSheetResponse['evidenceLimits']): InspectionSheetResponse {
  const { returnCase, receipt, inspection } = sheet;
  return {
    caseId: returnCase.id, version: returnCase.version, sku: returnCase.sku, productCategory: sheet.productCategory,
    requiredItems: [...sheet.requiredItems], expectedAccessories: [...sheet.expectedAccessories],
    receipt: receipt && { id: receipt.id, receivedAt: receipt.receivedAt, receivedBy: receipt.receivedBy, outerBox: receipt.outerBox as OuterBoxState, note: receipt.note },
    inspection: inspection && { ...toInspectionRecord(inspection), rule: { en: inspection.rule.en, zh: inspection.rule.zh } }, evidenceLimits: { ...limits },
  };
}

export function toReceiptResponse(r: ReceivedReturn): z.infer<typeof receiptReply> {
  return {
    caseId: r.caseId, receiptId: r.receiptId, matchedOn: r.matchedOn, outerBox: r.outerBox, receivedAt: r.receivedAt, receivedBy: r.receivedBy,
    statusBefore: r.statusBefore, status: r.status, version: r.version, deadlines: r.deadlines.map((d) => ({ ruleId: d.ruleId, dueAt: d.dueAt, label: { ...d.label } })),
  };
}

export function toInspectionResponse(r: InspectedReturn, suggestion: RouteSuggestion): InspectionResponse {
  return {
    caseId: r.caseId, inspectionId: r.inspectionId, grade: r.grade, conditionGrade: r.conditionGrade, ruleId: r.ruleId, rule: { en: r.rule.en, zh: r.rule.zh },
    findings: [...r.findings], productCategory: r.productCategory, statusBefore: r.statusBefore, status: r.status, version: r.version,
    evidence: r.evidence.map((e) => ({ sha256: e.sha256, kind: e.kind, mediaType: e.mediaType, sizeBytes: e.sizeBytes, fileName: e.fileName, created: e.created })),
    ...suggestion,
  };
}

export function toEvidenceResponse(e: CaseEvidence): z.infer<typeof evidenceItem> {
  return { ...e };
}

export function toDispositionResponse(d: RecordedDisposition): z.infer<typeof dispositionReply> {
  return {
    caseId: d.caseId, dispositionId: d.dispositionId, route: d.route, recommendedRoute: d.recommendedRoute, expectedNetMinor: d.expectedNetMinor,
    realizedMinor: d.realizedMinor, currency: d.currency, created: d.created, version: d.version,
  };
}

const toComponent = (c: RecoveryComponent) => ({ id: c.id, label: c.label, amountMinor: c.amountMinor, ...(c.probability === undefined ? {} : { probability: c.probability }) });

function toOption<O extends DispositionOption | FbaUnsellableOption>(o: O) {
  return { route: o.route as O['route'], allowed: o.allowed, blockedBy: [...o.blockedBy], netRecoveryMinor: o.netRecoveryMinor, components: o.components.map(toComponent) };
}

/** The routes side by side, for either kind of unit (its own route names kept). */
function toComparison<O extends DispositionOption | FbaUnsellableOption>(result: { currency: string; atIso: string; options: readonly O[]; recommended: O | null; firedRules: readonly DispositionRule[] }) {
  return {
    currency: result.currency, atIso: result.atIso, options: result.options.map((o) => toOption(o)),
    recommended: result.recommended && toOption(result.recommended), firedRules: [...result.firedRules],
  };
}

function toInspectionRecord(i: StoredInspection): z.infer<typeof storedInspection> {
  // Stored as the domain read them when the inspection was recorded.
  const { accessoriesMissing, ...answers } = i.answers as InspectionAnswers;
  return {
    id: i.id, accountId: i.accountId, caseId: i.caseId, receiptId: i.receiptId, productCategory: i.productCategory,
    answers: { ...answers, ...(accessoriesMissing ? { accessoriesMissing: [...accessoriesMissing] } : {}) },
    grade: i.grade as InspectionGrade, ruleId: i.ruleId, conditionGrade: i.conditionGrade as ConditionGrade, inspectedBy: i.inspectedBy, inspectedAt: i.inspectedAt,
  };
}

/** What `returndesk disposition ID --json` prints, field by field. */
export function toDispositionChoicesResponse(found: CaseDisposition): DispositionChoicesResponse {
  const unit = { caseId: found.caseId, marketplaceCode: found.marketplaceCode as DispositionChoicesResponse['marketplaceCode'], version: found.version };
  if (found.kind === 'fba_unsellable') {
    return { kind: 'fba_unsellable', ...unit, result: { ...toComparison(found.result), detailedDisposition: found.result.detailedDisposition } };
  }
  return { kind: 'inspected', ...unit, inspectionId: found.inspectionId, grade: found.grade, result: toComparison(found.result), inspection: toInspectionRecord(found.inspection) };
}
