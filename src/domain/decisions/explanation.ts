import { formatAmount } from '../money.js';
import type { DecisionOption } from './decision.js';
import { guardrailRules } from './guardrails.js';
import type { LearnedOdds, OddsSource } from './learning.js';

const actionNames: Readonly<Record<DecisionOption['action'], { en: string; zh: string }>> = {
  save_offer: { en: 'offer a partial refund so the buyer keeps the item', zh: '提供部分退款以挽留订单' },
  authorize_return: { en: 'authorize the return with a label', zh: '批准退货并提供退货标签' },
  returnless_refund: { en: 'refund without asking for the item back', zh: '仅退款不退货' },
  close_out_of_policy: { en: 'close the out-of-policy request', zh: '关闭不符合退货政策的请求' },
  escalate: { en: 'escalate to a person', zh: '转交人工处理' },
};

const reasonTexts: Readonly<Record<string, { en: string; zh: string }>> = {
  [guardrailRules.abuseSerialReturner]: { en: 'the buyer returns often (possible abuse)', zh: '该买家退货频繁（疑似滥用）' },
  [guardrailRules.abuseHighValueWrongItem]: { en: 'a high-value unit is claimed as the wrong item (possible swap)', zh: '高价商品被申报为发错货（疑似调包）' },
  [guardrailRules.saveOfferDeclined]: { en: 'the buyer declined an offer', zh: '买家已拒绝挽留报价' },
  [guardrailRules.sellerFaultNeverRefused]: { en: 'the fault is on the seller\'s side, so the return is never refused or stalled', zh: '责任在卖家一方，退货不得拒绝或拖延' },
  cheapest: { en: 'it is the cheapest allowed option', zh: '这是允许的选项中损失最低的' },
};

/** The main reason behind a recommendation: abuse first, then a seller-side fault, else the price. */
function mainReason(recommended: DecisionOption, firedRules: readonly string[]): { en: string; zh: string } {
  const abuse = firedRules.find((id) => id === guardrailRules.abuseSerialReturner || id === guardrailRules.abuseHighValueWrongItem);
  if (abuse !== undefined && recommended.action === 'escalate') return reasonTexts[abuse] ?? reasonTexts.cheapest!;
  if (firedRules.includes(guardrailRules.sellerFaultNeverRefused) && recommended.action === 'authorize_return') {
    return reasonTexts[guardrailRules.sellerFaultNeverRefused]!;
  }
  return reasonTexts.cheapest!;
}

const levelNames = {
  sku: { en: 'of this SKU', zh: '该 SKU' },
  category: { en: 'of its product category', zh: '该品类' },
  reason: { en: 'of this return reason', zh: '该退货原因' },
} as const;

/**
 * Where one number came from: "the policy prior", or "your history (3 outcomes of this SKU, 12 of this
 * return reason)", most specific first. The levels are disjoint, so the counts add up to what was used.
 */
function sourceText(source: OddsSource): { en: string; zh: string } {
  const levels = (['sku', 'category', 'reason'] as const).filter((level) => (source.observations[level] ?? 0) > 0);
  if (source.from === 'prior' || levels.length === 0) return { en: 'the policy prior', zh: '政策预设值' };
  const en = levels.map((level, i) => `${source.observations[level]}${i === 0 ? ' outcomes' : ''} ${levelNames[level].en}`).join(', ');
  const zh = levels.map((level) => `${levelNames[level].zh} ${source.observations[level]} 条`).join('、');
  return { en: `your history (${en})`, zh: `历史数据（${zh}结果）` };
}

/** Which numbers came from the seller's data and which from priors: acceptance of the recommended step (or the first) and grades. */
export function explainOdds(odds: LearnedOdds, recommended: DecisionOption): { en: string; zh: string } {
  const acceptance = odds.saveOfferAcceptance[recommended.step ?? 0];
  const grades = sourceText(odds.grades.source);
  if (acceptance === undefined) return { en: `Grade odds come from ${grades.en}.`, zh: `成色概率来自${grades.zh}。` };
  const accept = sourceText(acceptance.source);
  return {
    en: `Offer acceptance comes from ${accept.en}; grade odds from ${grades.en}.`,
    zh: `报价接受率来自${accept.zh}；成色概率来自${grades.zh}。`,
  };
}

/**
 * A plain sentence in English and Simplified Chinese: the action, its expected loss (formatted for
 * the language, in the request's currency) and the main reason, then where the odds came from.
 */
export function explainDecision(recommended: DecisionOption, firedRules: readonly string[], currency: string, odds: LearnedOdds): { en: string; zh: string } {
  const name = actionNames[recommended.action];
  const step = recommended.step === undefined ? '' : ` (step ${recommended.step + 1})`;
  const stepZh = recommended.step === undefined ? '' : `（第 ${recommended.step + 1} 档）`;
  const reason = mainReason(recommended, firedRules);
  const sources = explainOdds(odds, recommended);
  const en = `Recommended: ${name.en}${step}; expected loss ${formatAmount(recommended.expectedLossMinor, currency, 'en-US')}, because ${reason.en}. ${sources.en}`;
  const zh = `建议：${name.zh}${stepZh}；预计损失 ${formatAmount(recommended.expectedLossMinor, currency, 'zh-CN')}，原因：${reason.zh}。${sources.zh}`;
  return { en, zh };
}

/**
 * `explainDecision`, formatted when first read rather than per decision: formatting the amounts with
 * Intl.NumberFormat was half the time of a decision (npm run bench:decide: 176,000 decisions/s with
 * the sentences, 349,000 without), and the queue and the backtest never show them. A class with
 * prototype getters, because an object literal with a getter is built by a slow runtime path that
 * costs as much as the formatting. `toJSON` keeps `JSON.stringify` printing both sentences.
 */
class Explanation {
  private sentences: { en: string; zh: string } | undefined;

  constructor(
    private readonly recommended: DecisionOption,
    private readonly firedRules: readonly string[],
    private readonly currency: string,
    private readonly odds: LearnedOdds,
  ) {}

  get en(): string { return this.formatted().en; }

  get zh(): string { return this.formatted().zh; }

  toJSON(): { en: string; zh: string } { return this.formatted(); }

  private formatted(): { en: string; zh: string } {
    return this.sentences ??= explainDecision(this.recommended, this.firedRules, this.currency, this.odds);
  }
}

/** The explanation of a recommendation, formatted on first read (see Explanation). */
export function lazyExplanation(recommended: DecisionOption, firedRules: readonly string[], currency: string, odds: LearnedOdds): { readonly en: string; readonly zh: string } {
  return new Explanation(recommended, firedRules, currency, odds);
}
