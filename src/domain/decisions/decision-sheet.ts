import type { DecisionAction } from './decision.js';

// What an agent does in Seller Central for the recommended action. Amazon has no API to authorize,
// close or refund a seller-fulfilled request (reference §3.4): it is done by hand in Manage Returns,
// then recorded in ReturnDesk so the case and the queue follow. Each step is said in English and
// Simplified Chinese; the buyer message itself is drafted separately (case-message.ts).

export type DecisionStepKind = 'open' | 'message' | 'authorize' | 'close' | 'refund' | 'wait' | 'record' | 'deadline' | 'review';

export interface DecisionStep {
  readonly kind: DecisionStepKind;
  readonly en: string;
  readonly zh: string;
}

export interface DecisionSheetContext {
  readonly orderId: string;
  /** Amazon's RMA id, when the report gave one. */
  readonly rmaId: string | null;
  /** The save offer's share of the price, in basis points (save_offer only). */
  readonly offerBps?: number;
}

function openStep({ orderId, rmaId }: DecisionSheetContext): DecisionStep {
  const what = rmaId ? { en: `return ${rmaId} (order ${orderId})`, zh: `退货 ${rmaId}（订单 ${orderId}）` } : { en: `the return request of order ${orderId}`, zh: `订单 ${orderId} 的退货请求` };
  return { kind: 'open', en: `In Seller Central, open Orders → Manage Returns and find ${what.en}.`, zh: `在卖家平台打开“订单 → 管理退货”，找到${what.zh}。` };
}

const messageStep: DecisionStep = {
  kind: 'message', en: 'Send the buyer the message below through Buyer-Seller Messages, after its compliance check shows no findings.',
  zh: '合规检查无问题后，通过买家与卖家消息向买家发送下方消息。',
};

// Reference §4.3 and §1.4: the Return Dissatisfaction Rate counts a request not authorized, refunded
// or closed within 48 hours; the clock itself is in the case's deadlines.
const deadlineStep: DecisionStep = {
  kind: 'deadline', en: 'Whatever the outcome, authorize, refund or close the request before its response deadline above: a late answer counts against the Return Dissatisfaction Rate.',
  zh: '无论结果如何，都要在上方的回复期限前授权、退款或关闭该请求：逾期回复会计入退货不满意率。',
};

const recordStep = (status: { en: string; zh: string }): DecisionStep => ({
  kind: 'record', en: `Then record it on this case as ${status.en}, so the queue lets it go.`, zh: `然后在本案件中记录为“${status.zh}”，工作队列便不再提示它。`,
});

function saveOfferSteps(context: DecisionSheetContext): DecisionStep[] {
  const percent = ((context.offerBps ?? 0) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return [
    { ...messageStep, en: `${messageStep.en} It offers ${percent}% of the price back if the buyer keeps the item.`, zh: `${messageStep.zh}消息中提出：如买家保留商品，退还价格的 ${percent}%。` },
    { kind: 'wait', en: 'Do not authorize or close the request yet: wait for the buyer\'s answer, then record it here (offer accepted or declined).', zh: '暂时不要授权或关闭该请求：等待买家回复，然后在此记录（接受或拒绝）。' },
    { kind: 'refund', en: 'If the buyer accepts, issue the agreed partial refund in Manage Returns (Issue refund) and close the request.', zh: '如买家接受，在“管理退货”中发放约定的部分退款（发放退款），然后关闭该请求。' },
    deadlineStep,
  ];
}

/** The steps for the recommended option, in order. */
export function decisionActionSheet(action: DecisionAction, context: DecisionSheetContext): readonly DecisionStep[] {
  switch (action) {
    case 'save_offer':
      return saveOfferSteps(context);
    case 'authorize_return':
      return [
        openStep(context),
        { kind: 'authorize', en: 'Choose Authorize request. Where Amazon\'s prepaid return label applies, Amazon gives the buyer the label.', zh: '选择“授权请求”。适用亚马逊预付退货标签时，由亚马逊向买家提供标签。' },
        messageStep, recordStep({ en: 'authorized', zh: '已授权' }),
      ];
    case 'returnless_refund':
      return [
        openStep(context),
        { kind: 'refund', en: 'Choose Issue refund and refund in full without asking for the item back: the buyer keeps it (a returnless refund).', zh: '选择“发放退款”，全额退款且不要求退回商品：买家保留商品（仅退款不退货）。' },
        messageStep, recordStep({ en: 'refunded without a return', zh: '已仅退款不退货' }),
      ];
    case 'close_out_of_policy':
      return [
        openStep(context),
        { kind: 'close', en: 'Choose Close request and pick the reason that fits. Close only a request outside your return policy: closing one inside it counts against the Return Dissatisfaction Rate.', zh: '选择“关闭请求”并选择相符的原因。只关闭不符合退货政策的请求：关闭符合政策的请求会计入退货不满意率。' },
        messageStep, recordStep({ en: 'closed', zh: '已关闭' }),
      ];
    case 'escalate':
      return [
        { kind: 'review', en: 'Nothing to do in Manage Returns yet: a person must look at this case first (the rules that fired say why).', zh: '暂时无需在“管理退货”中操作：需先由人工查看此案件（触发的规则说明了原因）。' },
        deadlineStep,
      ];
  }
}
