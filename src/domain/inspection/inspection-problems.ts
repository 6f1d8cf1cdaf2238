import { DomainError } from '../errors.js';

/** What can be wrong with a set of answers. */
export const inspectionProblemKinds = ['not_an_object', 'unknown_item', 'invalid_value', 'missing', 'unknown_accessory'] as const;
export type InspectionProblemKind = (typeof inspectionProblemKinds)[number];

/** One thing wrong with the answers, with the item it concerns and, where it helps, what is allowed. */
export interface InspectionProblem {
  readonly kind: InspectionProblemKind;
  /** The checklist item (or, for `unknown_item`, the key as received); null when the whole input is wrong. */
  readonly item: string | null;
  readonly message: string;
  /** The values the item allows, or the SKU's expected accessories. */
  readonly allowed?: readonly string[];
}

/**
 * One `invalid_input` error for every problem at once, so a person fixes the whole form in one go.
 * Missing items are joined into one sentence and also listed in `details.missing`, for a form to mark.
 */
export function inspectionError(problems: readonly InspectionProblem[]): DomainError {
  const missing = problems.filter((p) => p.kind === 'missing').map((p) => p.item ?? '');
  const others = problems.filter((p) => p.kind !== 'missing').map((p) => p.message);
  const sentences = [...(missing.length > 0 ? [`missing answers: ${missing.join(', ')}`] : []), ...others];
  return new DomainError('invalid_input', `The inspection answers are not usable: ${sentences.join('; ')}.`, { problems, missing });
}

export function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}
