import type { InspectionAnswers } from './checklist.js';
import type { InspectionGrade } from './inspection-grades.js';

/**
 * The answers a rule looks at: complete for the category (gradeInspection checks that first), with
 * `accessoriesMissing` always a list of the SKU's own accessory names. An item the category does not
 * require and the inspector left unanswered is absent, and no rule reads an absent item as a fault.
 */
export type InspectionFacts = Omit<InspectionAnswers, 'accessoriesMissing'> & { readonly accessoriesMissing: readonly string[] };

/** Why a grade was given, in the languages of the desk's users. */
export interface RuleText {
  readonly en: string;
  readonly zh: string;
}

/** One grading rule: when `test` holds (and no earlier rule did), the unit gets `grade`. */
export interface InspectionRule extends RuleText {
  readonly id: string;
  readonly grade: InspectionGrade;
  readonly test: (facts: InspectionFacts) => boolean;
}

const heavyOrMajor = (f: InspectionFacts) => f.signsOfUse === 'heavy' || f.damage === 'cosmetic_major';
const packagingLost = (f: InspectionFacts) => f.retailPackaging === 'damaged' || f.retailPackaging === 'missing';
const unused = (f: InspectionFacts) => (f.signsOfUse ?? 'none') === 'none' && (f.damage ?? 'none') === 'none';

/**
 * The grading rules, first match wins: what is missing or not the seller's comes first, then what does
 * not work, then what is too worn to sell, then each Used grade from the lowest up, and New before
 * Like New. Because a rule is only reached when every earlier one failed, the Used rules read as caps:
 * "light use" gives Very Good only once nothing worse was found. The last rule always matches.
 */
export const inspectionRuleTable: readonly InspectionRule[] = [
  // An empty parcel first: every other answer would describe a unit that is not there, and the empty
  // box is the evidence of a claim (an outer box answer is still recorded as a finding).
  { id: 'unit_missing', grade: 'missing', test: (f) => f.unitPresent === false,
    en: 'The parcel came back without the unit: there is nothing to grade or resell.',
    zh: '退回的包裹里没有商品：无可评级，也无可转售。' },
  // A swap before any condition rule: the condition of someone else's item is not the seller's loss,
  // and a broken swapped item must read as a swap (evidence against the buyer), not as a defect.
  { id: 'not_listed_product', grade: 'wrong_item', test: (f) => f.matchesListing === false,
    en: 'The item is not the product listed: a different item came back.',
    zh: '退回的不是所售商品：收到的是另一件物品。' },
  // Same product, different unit (serial number): the unit shipped was kept and another returned.
  { id: 'identity_mismatch', grade: 'wrong_item', test: (f) => f.identityMatches === false,
    en: 'The serial number or identity mark differs from the unit shipped: this is not the seller\'s unit.',
    zh: '序列号或识别标记与发出的商品不符：这不是卖家发出的那一件。' },
  // Every Used grade needs a working unit (reference §4.11); a defect also means a full refund (§4.5),
  // so it is told apart from damage.
  { id: 'function_test_failed', grade: 'unsellable_defective', test: (f) => f.functionTest === 'fail',
    en: 'The unit failed its function test: it does not work.',
    zh: '商品未通过功能测试：无法正常使用。' },
  // Damage that stops the unit working leaves it as unsellable as a defect: what it needs is a repair.
  { id: 'functional_damage', grade: 'unsellable_defective', test: (f) => f.damage === 'functional',
    en: 'The unit is damaged so that it no longer works as sold.',
    zh: '商品受损，已无法按售出时的状态正常使用。' },
  // Threshold: heavy use and major cosmetic damage each alone are Acceptable, Amazon's lowest Used
  // grade; both at once are below it.
  { id: 'worn_and_damaged', grade: 'unsellable_damaged', test: (f) => f.signsOfUse === 'heavy' && f.damage === 'cosmetic_major',
    en: 'Heavy signs of use and major cosmetic damage together: below Used – Acceptable, the lowest grade Amazon sells.',
    zh: '使用痕迹严重且外观严重受损：低于亚马逊可售的最低二手等级（可接受）。' },
  // Threshold: a worn or scarred unit that also has no presentable retail packaging is two
  // Acceptable-level faults; listed as Used it invites "not as described" complaints for little money.
  { id: 'worn_without_packaging', grade: 'unsellable_damaged', test: (f) => heavyOrMajor(f) && packagingLost(f),
    en: 'Heavy signs of use or major cosmetic damage, and the retail packaging is damaged or missing: too worn to resell.',
    zh: '使用痕迹严重或外观严重受损，且零售包装破损或缺失：磨损过重，不宜转售。' },
  // Amazon's Acceptable: fairly worn, still works.
  { id: 'heavy_use', grade: 'used_acceptable', test: (f) => f.signsOfUse === 'heavy',
    en: 'Heavy signs of use on a working unit: at best Used – Acceptable.',
    zh: '使用痕迹严重但功能正常：最高为二手-可接受。' },
  // Deep scratches and dents are Acceptable's own examples of wear.
  { id: 'major_cosmetic_damage', grade: 'used_acceptable', test: (f) => f.damage === 'cosmetic_major',
    en: 'Major cosmetic damage (deep scratches, dents) on a working unit: at best Used – Acceptable.',
    zh: '外观严重受损（深划痕、凹痕）但功能正常：最高为二手-可接受。' },
  // An incomplete unit (§4.5 puts missing parts with damage); its listing must say what is missing,
  // and only the lowest grade sets that expectation.
  { id: 'accessories_missing', grade: 'used_acceptable', test: (f) => f.accessoriesMissing.length > 0,
    en: 'Accessories are missing: at best Used – Acceptable, listed with what is missing.',
    zh: '配件缺失：最高为二手-可接受，上架时须注明缺少的配件。' },
  // Like New needs the original packaging intact (§4.11); without it the unit is graded conservatively,
  // because an over-graded unit costs a complaint, an under-graded one only some resale value.
  { id: 'packaging_damaged_or_missing', grade: 'used_acceptable', test: packagingLost,
    en: 'The retail packaging is damaged or missing: at best Used – Acceptable.',
    zh: '零售包装破损或缺失：最高为二手-可接受。' },
  // Wear from use on a complete, working unit in its packaging.
  { id: 'moderate_use', grade: 'used_good', test: (f) => f.signsOfUse === 'moderate',
    en: 'Moderate signs of use on a complete, working unit: Used – Good.',
    zh: '有中度使用痕迹，配件齐全且功能正常：二手-良好。' },
  { id: 'light_use', grade: 'used_very_good', test: (f) => f.signsOfUse === 'light',
    en: 'Light signs of use on a complete, working unit: Used – Very Good.',
    zh: '有轻微使用痕迹，配件齐全且功能正常：二手-很好。' },
  { id: 'minor_cosmetic_damage', grade: 'used_very_good', test: (f) => f.damage === 'cosmetic_minor',
    en: 'Minor cosmetic imperfections on a complete, working unit: Used – Very Good.',
    zh: '有轻微外观瑕疵，配件齐全且功能正常：二手-很好。' },
  // New only on evidence: the packaging must be answered sealed (never assumed) and the seal unbroken.
  // A sealed unit cannot be function-tested without opening it, so `not_tested` does not stop New.
  { id: 'sealed_new', grade: 'new',
    test: (f) => f.retailPackaging === 'sealed' && f.seal !== 'broken' && unused(f) && f.accessoriesMissing.length === 0,
    en: 'Retail packaging sealed, seal unbroken, no use, no damage, nothing missing: New.',
    zh: '零售包装密封、封条完好，无使用痕迹、无损伤、无缺件：全新。' },
  // Like New means perfect function (§4.11); an opened unit nobody tested cannot claim it.
  { id: 'opened_untested', grade: 'used_very_good', test: (f) => f.functionTest === 'not_tested',
    en: 'Opened and not function-tested: Like New needs proven perfect function, so at best Used – Very Good.',
    zh: '已开封且未做功能测试：“近乎全新”须证明功能完好，因此最高为二手-很好。' },
  // All that is left: opened, unused, undamaged, complete, working, packaging intact (§4.11 Like New;
  // the protective wrap may be missing, which no question asks).
  { id: 'opened_like_new', grade: 'used_like_new', test: () => true,
    en: 'Opened, but no use, no damage, complete and working, original packaging intact: Used – Like New.',
    zh: '已开封，但无使用痕迹、无损伤、配件齐全、功能正常且原包装完好：二手-近乎全新。' },
];

/** The rules for docs and UI: id, grade and the sentence saying why, in rule order. */
export const inspectionRules: readonly (RuleText & { readonly id: string; readonly grade: InspectionGrade })[] =
  inspectionRuleTable.map(({ id, grade, en, zh }) => ({ id, grade, en, zh }));

/** The first rule that holds; the table's last rule always does. */
export function firstMatchingRule(facts: InspectionFacts): InspectionRule {
  const rule = inspectionRuleTable.find((r) => r.test(facts));
  if (!rule) throw new Error('inspectionRuleTable must end with a rule that always matches');
  return rule;
}

/**
 * Why a stored inspection got its grade: its rule's sentence. A rule id no rule has any more (renamed
 * since the inspection) is named rather than failing whoever shows it.
 */
export function ruleTextOf(ruleId: string): RuleText {
  const rule = inspectionRuleTable.find((r) => r.id === ruleId);
  return rule ? { en: rule.en, zh: rule.zh } : { en: `Graded by rule ${ruleId}.`, zh: `按规则 ${ruleId} 评级。` };
}
