import type { ChecklistItem } from './checklist.js';
import { checklistItems } from './checklist.js';

/**
 * Which checklist items an inspection must answer, by product category: a seller's choice, kept as
 * plain data like the rest of the policy. A category entry replaces `required` for its categories
 * (it does not add to it), so each list reads complete on its own. Reference: docs/inspection.md.
 */
export interface InspectionChecklistPolicy {
  /** Items required for a product whose category has no entry (or no category at all). */
  readonly required: readonly ChecklistItem[];
  /** Per-category lists; the first entry naming the category wins. */
  readonly categories: readonly CategoryChecklist[];
}

export interface CategoryChecklist {
  /**
   * The seller's own category names (product sheet `category`) this list applies to. Compared after
   * trimming and ignoring case, because the same sheet column is typed by hand (`Electronics`, `electronics `).
   */
  readonly productCategories: readonly string[];
  readonly required: readonly ChecklistItem[];
}

/**
 * Asked on every inspection whatever the policy says: without it no rule can tell an empty parcel from
 * an unanswered checklist.
 */
export const alwaysRequiredItems: readonly ChecklistItem[] = ['unitPresent'];

// Everything a person sees on any product. `identityMatches` is left out by default because most
// products carry no serial number; `functionTest` because most products have no function to test.
const defaultRequired: readonly ChecklistItem[] = [
  'unitPresent', 'outerBox', 'matchesListing', 'retailPackaging', 'seal', 'accessoriesMissing', 'signsOfUse', 'damage',
];

/**
 * The checklists in force until a seller sets their own. Category names are the product sheet's free
 * text, so the defaults name common English and Chinese spellings; a seller adds their own.
 */
export const defaultInspectionChecklists: InspectionChecklistPolicy = {
  required: defaultRequired,
  categories: [
    {
      // Electronics are what buyers swap (serial numbers) and what fails unseen: Like New needs
      // "perfect function" (reference §4.11), which only a test shows.
      productCategories: ['electronics', 'consumer electronics', 'computers', '电子产品', '电子', '数码'],
      required: [...defaultRequired, 'identityMatches', 'functionTest'],
    },
    {
      // Garments seldom carry a factory seal and have no function to test; a polybag is their packaging.
      productCategories: ['apparel', 'clothing', 'shoes', '服装', '服饰', '鞋'],
      required: defaultRequired.filter((item) => item !== 'seal'),
    },
  ],
};

function sameCategory(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The items an inspection of a product in `productCategory` must answer, in checklist order: the
 * category's list when the policy has one, else the policy's `required`, always with `unitPresent`.
 */
export function requiredItemsFor(policy: InspectionChecklistPolicy, productCategory: string | null | undefined): ChecklistItem[] {
  const entry = productCategory === null || productCategory === undefined || productCategory.trim() === ''
    ? undefined
    : policy.categories.find((c) => c.productCategories.some((name) => sameCategory(name, productCategory)));
  const required = new Set<ChecklistItem>([...alwaysRequiredItems, ...(entry?.required ?? policy.required)]);
  return checklistItems.filter((item) => required.has(item));
}
