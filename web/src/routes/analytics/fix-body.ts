import type { FixBody } from '../../api/analytics.js';

/** The fix form's fields as typed. */
export interface FixFields {
  sku: string;
  changedOn: string;
  what: string;
  by: string;
  marketplace: string;
}

export const blankFix: FixFields = { sku: '', changedOn: '', what: '', by: '', marketplace: '' };

/** The body as the API takes it: trimmed, marketplace codes upper case, none meaning every marketplace the SKU sells in. */
export function fixBodyOf(fields: FixFields): FixBody {
  const marketplace = fields.marketplace.trim().toUpperCase();
  return {
    sku: fields.sku.trim(), changedOn: fields.changedOn, what: fields.what.trim(), by: fields.by.trim(),
    ...(marketplace === '' ? {} : { marketplace }),
  };
}
