import { reasonCatalogData } from './reason-catalog.js';

/** What a return is about, as ReturnDesk groups Amazon's reason codes for decisions and analytics. */
export const reasonCategories = [
  'size_fit', 'changed_mind', 'better_price', 'ordered_wrong_item', 'defective_quality', 'not_as_described',
  'missing_parts', 'wrong_item_sent', 'damaged_in_transit', 'damaged_in_warehouse', 'late_delivery',
  'unauthorized_purchase', 'undeliverable', 'compatibility', 'other',
] as const;
export type ReasonCategory = (typeof reasonCategories)[number];

/** Who a reason puts at fault; it decides who pays return shipping (reference §1.3). */
export const faultParties = ['buyer', 'seller', 'carrier', 'amazon', 'unknown'] as const;
export type Fault = (typeof faultParties)[number];

/** One return reason of the catalog (reason-catalog.ts), with where its mapping comes from. */
export interface ReasonEntry {
  /** Canonical form: the FBA report's code, or the normalized MFN code when FBA has none. */
  readonly code: string;
  /** Other forms as they appear in reports (`CR-DEFECTIVE`, `AMZ-PG-BAD-DESC`). */
  readonly aliases: readonly string[];
  readonly category: ReasonCategory;
  readonly fault: Fault;
  /** True only when Amazon's own table gives the fault; false when ReturnDesk inferred it. */
  readonly faultConfirmed: boolean;
  /** The return hints at a fix to the product or its listing (quality, description, size chart). */
  readonly productSignal: boolean;
  readonly description: string;
  readonly source: string;
}

/** How one report cell's reason was understood. */
export interface ReasonClassification {
  /** The cell as received. */
  readonly raw: string | null;
  /** Canonical code when mapped; the normalized text when unmapped; null when absent. */
  readonly code: string | null;
  readonly status: 'mapped' | 'unmapped' | 'absent';
  readonly category: ReasonCategory | null;
  readonly fault: Fault;
  readonly productSignal: boolean;
}

export const reasonCatalog: readonly ReasonEntry[] = Object.freeze(
  reasonCatalogData.map((entry) => Object.freeze({ ...entry, aliases: Object.freeze([...entry.aliases]) })),
);

/**
 * The parser rule of reference §1.2: uppercase, drop the form's `RO_` option prefix, read `-` as
 * `_`, then drop the `CR_` (customer return) or `AMZ_PG_` (product group) prefix.
 */
function normalizeReasonCode(text: string): string {
  let code = text.trim().toUpperCase();
  if (code.startsWith('RO_')) code = code.slice(3);
  code = code.replaceAll('-', '_');
  if (code.startsWith('CR_')) return code.slice(3);
  return code.startsWith('AMZ_PG_') ? code.slice(7) : code;
}

function classificationOf(raw: string, entry: ReasonEntry): ReasonClassification {
  const { code, category, fault, productSignal } = entry;
  return Object.freeze({ raw, code, status: 'mapped', category, fault, productSignal });
}

// Built once: exact report forms map to shared frozen results (no allocation per row); any other
// spelling goes through the normalized index.
const exactIndex = new Map<string, ReasonClassification>();
const normalizedIndex = new Map<string, ReasonEntry>();
for (const entry of reasonCatalog) {
  for (const form of [entry.code, ...entry.aliases]) {
    const key = normalizeReasonCode(form);
    const taken = normalizedIndex.get(key) ?? exactIndex.get(form);
    if (taken && taken.code !== entry.code) throw new Error(`Reason catalog: "${form}" belongs to both ${taken.code} and ${entry.code}.`);
    normalizedIndex.set(key, entry);
    exactIndex.set(form, classificationOf(form, entry));
  }
}

const absent: ReasonClassification = Object.freeze({ raw: null, code: null, status: 'absent', category: null, fault: 'unknown', productSignal: false });

/**
 * Classifies a report's reason cell in O(1). Exact report forms (`DEFECTIVE`, `CR-DEFECTIVE`) return
 * a shared frozen object; other spellings (`cr-defective`, `RO_CR-DEFECTIVE`) are normalized first.
 * A null or blank cell is `absent`. A code not in the catalog is `unmapped`: its normalized text is
 * kept as `code`, with no category, fault `unknown` and no product signal — never a guess.
 */
export function classifyReason(raw: string | null): ReasonClassification {
  if (raw === null) return absent;
  const shared = exactIndex.get(raw);
  if (shared) return shared;
  const code = normalizeReasonCode(raw);
  if (code === '') return Object.freeze({ ...absent, raw });
  const entry = normalizedIndex.get(code);
  if (entry) return classificationOf(raw, entry);
  return Object.freeze({ raw, code, status: 'unmapped', category: null, fault: 'unknown', productSignal: false });
}

/** The catalog entry for a code in any of its forms (`CR-DEFECTIVE`, `defective`); undefined if unknown. */
export function findReasonEntry(code: string): ReasonEntry | undefined {
  return normalizedIndex.get(normalizeReasonCode(code));
}
