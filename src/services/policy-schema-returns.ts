import { z } from 'zod';
import { checklistItems } from '../domain/inspection/checklist.js';
import { defaultInspectionChecklists } from '../domain/inspection/checklist-policy.js';

// The policy sections of what happens when a parcel comes back (issue 4): inspection checklists,
// disposition economics and refund rules.

const checklist = z.array(z.enum(checklistItems)).superRefine((items, ctx) => {
  items.forEach((item, i) => {
    if (items.indexOf(item) < i) ctx.addIssue({ code: 'custom', message: `lists ${item} twice`, path: [i] });
  });
});

/** Which checklist items an inspection must answer, by product category (domain/inspection/checklist-policy.ts). */
const inspectionChecklistsSchema = z.strictObject({
  required: checklist,
  categories: z.array(z.strictObject({
    productCategories: z.array(z.string().trim().min(1)).min(1),
    required: checklist,
  })),
});

/** The checklists, defaulted for a policy stored before they existed (a fresh copy each time: zod hands out mutable values). */
export const inspectionChecklistsWithDefault = inspectionChecklistsSchema.default(() => ({
  required: [...defaultInspectionChecklists.required],
  categories: defaultInspectionChecklists.categories.map((c) => ({ productCategories: [...c.productCategories], required: [...c.required] })),
}));
