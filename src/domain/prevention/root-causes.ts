import { DomainError } from '../errors.js';
import { reasonCategories } from '../reasons.js';
import type { ReasonCategory } from '../reasons.js';

// Why a problem SKU comes back, and what to change so it stops: each reason category points to one
// root cause, and each cause carries concrete fixes, most effective first. The listing, product and
// packaging fixes follow the seed article's last section, "预防永远胜于治疗" (prevention beats cure):
// precise size charts, videos from several angles, clear material details, strict quality control and
// factory inspection, crush-proof packaging, an FAQ and quick pre-sale answers. Causes that are
// Amazon's or the carrier's say so, and their fixes are claims and checks, never a listing change.

/** A text in the languages of the desk's users. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** One concrete action a seller can take; ids are unique across all causes. */
export interface ListingFix {
  readonly id: string;
  readonly title: Text;
  readonly detail: Text;
}

/** Where a cause's fix lies; `none`: nothing the seller changes prevents it (Amazon's or nobody's doing). */
export type Fixable = 'listing' | 'product' | 'packaging' | 'logistics' | 'none';

export interface RootCause {
  /** E.g. `fit_information`. */
  readonly id: string;
  /** The reason categories that point to this cause (the `unknown` cause also takes `unmapped` reasons). */
  readonly reasonCategories: readonly ReasonCategory[];
  /** The cause, in words a seller understands. */
  readonly title: Text;
  readonly fixable: Fixable;
  /** Concrete actions, most effective first. */
  readonly fixes: readonly ListingFix[];
}

const fix = (id: string, title: Text, detail: Text): ListingFix => Object.freeze({ id, title: Object.freeze(title), detail: Object.freeze(detail) });

const cause = (id: string, categories: readonly ReasonCategory[], fixable: Fixable, title: Text, fixes: readonly ListingFix[]): RootCause =>
  Object.freeze({ id, reasonCategories: Object.freeze([...categories]), title: Object.freeze(title), fixable, fixes: Object.freeze([...fixes]) });

/**
 * Every root cause, in the fixed order that breaks ties in `dominantCause`: listing causes first, then
 * product, packaging, logistics, the causes the seller cannot prevent (`none`), and `unknown` last. So
 * when two causes have as many units, the one the seller can act on is shown.
 */
export const rootCauses: readonly RootCause[] = Object.freeze([
  // Article: 提供详细精确的尺寸图表 (detailed, precise size charts).
  cause('fit_information', ['size_fit'], 'listing',
    { en: 'Buyers cannot tell which size to order', zh: '买家无法判断该买哪个尺码' }, [
      fix('size_chart',
        { en: 'Size chart in cm and inches', zh: '厘米和英寸对照的尺码表' },
        { en: 'Add a size chart in cm and inches with body measurements, and say how the item runs (small/true/large).',
          zh: '添加厘米和英寸对照的尺码表，列出对应的身体尺寸，并注明版型（偏小/正常/偏大）。' }),
      fix('fit_notes',
        { en: 'Fit notes', zh: '试穿说明' },
        { en: 'Give the model\'s height and the size worn, explain how to measure yourself, and say whether to size up or down between two sizes.',
          zh: '注明模特身高和所穿尺码，说明如何自己测量，并告诉买家介于两个尺码之间时该选大一码还是小一码。' }),
      fix('size_chart_check',
        { en: 'Check the chart against returned units', zh: '用退货实物核对尺码表' },
        { en: 'Measure a returned unit and compare it with the chart: if the batch runs smaller than the chart, correct the chart or hold the factory to the spec.',
          zh: '测量退回的商品并与尺码表对照：如果这批货比尺码表偏小，就更正尺码表，或要求工厂按规格生产。' }),
    ]),
  // Article: 多角度的实物视频、清晰的材料说明 (real-product videos from several angles, clear material details).
  cause('description_accuracy', ['not_as_described'], 'listing',
    { en: 'The item differs from what the listing shows or says', zh: '实物与 listing 的图片或描述不符' }, [
      fix('multi_angle_media',
        { en: 'Photos and video from several angles', zh: '多角度实拍图和视频' },
        { en: 'Show the real product from several angles in true colour, next to an object for scale, and add a short video of it in use. No flattering renders.',
          zh: '从多个角度展示实物，颜色真实，旁边放参照物显示大小，并加一段使用中的短视频。不要用过度美化的效果图。' }),
      fix('material_dimensions',
        { en: 'Material and dimension details', zh: '材质和尺寸说明' },
        { en: 'State the material, dimensions and weight in the bullet points and on an image, in cm/kg and inches/lb.',
          zh: '在五点描述和图片上写明材质、尺寸和重量，同时标注厘米/千克和英寸/磅。' }),
      fix('listing_matches_batch',
        { en: 'Check the listing against the current batch', zh: '用当前批次核对 listing' },
        { en: 'Compare a unit of the current batch with every claim and photo; remove claims the product does not meet, and update the listing whenever the factory changes the product.',
          zh: '拿当前批次的实物逐条核对 listing 的描述和图片；删掉产品做不到的卖点，工厂改动产品时及时更新 listing。' }),
    ]),
  cause('compatibility_information', ['compatibility'], 'listing',
    { en: 'Buyers cannot tell whether it fits their device or how to install it', zh: '买家无法判断是否适配自己的设备、如何安装' }, [
      fix('compatibility_list',
        { en: 'Compatibility list', zh: '适配型号清单' },
        { en: 'List the exact models and versions it fits, and the common ones it does not fit, in the bullet points and on an image.',
          zh: '在五点描述和图片中列出适配的具体型号和版本，以及常见的不适配型号。' }),
      fix('installation_guide',
        { en: 'Installation steps', zh: '安装说明' },
        { en: 'Show the installation steps, tools needed and time it takes as images or a short video, and put a clear printed guide in the box.',
          zh: '用图片或短视频展示安装步骤、所需工具和大致耗时，并在包装内附上清晰的纸质安装指南。' }),
    ]),
  // Article: 建立常见问题解答，在售前积极回应买家咨询 (an FAQ, and active answers to pre-sale questions).
  cause('buyer_choice', ['changed_mind', 'ordered_wrong_item'], 'listing',
    { en: 'Buyers ordered the wrong item or changed their mind: the listing did not help them choose', zh: '买家选错或改变主意：listing 没能帮他们选对' }, [
      fix('clear_title_variations',
        { en: 'Clear title and variation names', zh: '清晰的标题和变体名称' },
        { en: 'Put the key facts in the title (size, quantity, model, colour); name each variation by what differs and give it its own photos.',
          zh: '把关键信息写进标题（尺寸、数量、型号、颜色）；变体按差异命名，每个变体配自己的图片。' }),
      fix('faq_presale',
        { en: 'FAQ and quick pre-sale answers', zh: '常见问题解答和及时的售前回复' },
        { en: 'Answer the most common questions in the listing (bullet points, A+ content), and reply to buyer questions within 24 hours.',
          zh: '把最常见问题的答案写进 listing（五点描述、A+ 页面），并在 24 小时内回复买家咨询。' }),
      fix('true_colour_photos',
        { en: 'True-colour photos and close-ups', zh: '真实颜色的照片和细节图' },
        { en: 'Photograph in daylight without filters and add close-ups of fabric and texture, so colour and feel match what arrives.',
          zh: '在自然光下拍摄、不加滤镜，并附面料和质感的细节特写，让颜色和手感与实物一致。' }),
    ]),
  cause('price_competitiveness', ['better_price'], 'listing',
    { en: 'Buyers found the same or a similar item cheaper', zh: '买家找到了更便宜的相同或类似商品' }, [
      fix('price_monitoring',
        { en: 'Price monitoring', zh: '价格监控' },
        { en: 'Check the prices of the same and similar items every week; meet a gap with a coupon or deal rather than a permanent cut.',
          zh: '每周检查相同及类似商品的价格；出现差价时用优惠券或促销应对，而不是永久降价。' }),
      fix('show_value',
        { en: 'Show what the price includes', zh: '说明价格包含的价值' },
        { en: 'State what sets the item apart (bundle contents, warranty, material) so buyers see why it costs what it does.',
          zh: '写明商品的不同之处（套装内容、保修、材质），让买家明白为什么是这个价格。' }),
    ]),
  // Article: 严控产品质量和出厂检查 (strict quality control and factory inspection).
  cause('product_quality', ['defective_quality'], 'product',
    { en: 'Units fail or the quality falls short', zh: '商品有故障或质量不达标' }, [
      fix('factory_inspection',
        { en: 'Factory inspection before shipment', zh: '出厂前验货' },
        { en: 'Inspect every batch before it leaves the factory: function-test a sample (AQL) and check for the faults buyers report.',
          zh: '每批货出厂前验货：按 AQL 抽样做功能测试，并重点检查买家反馈的故障。' }),
      fix('defect_feedback',
        { en: 'Send defects back to the factory', zh: '把缺陷反馈给工厂' },
        { en: 'Collect photos and buyer comments of defective returns by batch, and agree corrective action and compensation with the factory.',
          zh: '按批次收集缺陷退货的照片和买家留言，与工厂商定整改措施和赔偿。' }),
      fix('usage_instructions',
        { en: 'Clear instructions', zh: '清晰的使用说明' },
        { en: 'Some "defects" are misuse: put a short quick-start guide in the buyer\'s language in the box, and troubleshooting tips in the listing.',
          zh: '有些“故障”其实是使用不当：随附买家语言的简明上手指南，并在 listing 中加入常见问题排查。' }),
    ]),
  cause('box_contents', ['missing_parts'], 'product',
    { en: 'Parts or accessories are missing from the box', zh: '包装内缺少配件' }, [
      fix('packing_checklist',
        { en: 'Packing checklist at the factory', zh: '工厂装箱清单' },
        { en: 'Give the factory a packing checklist with a photo of the complete contents, and check it at inspection; weighing each box catches missing parts.',
          zh: '给工厂一份附完整内容照片的装箱清单，验货时逐项核对；逐盒称重能发现缺件。' }),
      fix('whats_in_the_box',
        { en: '"What\'s in the box" in the listing', zh: '在 listing 中列出包装清单' },
        { en: 'List and photograph everything in the box, and say plainly what is not included (batteries, charger).',
          zh: '列出并拍摄包装内的全部物品，清楚写明不包含哪些东西（如电池、充电器）。' }),
    ]),
  // Article: 使用抗压防摔的包装 (crush-proof, drop-proof packaging).
  cause('transit_damage', ['damaged_in_transit'], 'packaging',
    { en: 'Items break on the way to the buyer', zh: '商品在运输途中损坏' }, [
      fix('crush_proof_packaging',
        { en: 'Crush- and drop-proof packaging', zh: '抗压防摔包装' },
        { en: 'Use a stronger carton with corner protectors and enough fill that nothing moves; protect fragile parts separately.',
          zh: '换用更结实的纸箱，加护角和足够的填充物，让商品在箱内不晃动；易碎部件单独保护。' }),
      fix('drop_test',
        { en: 'Drop-test the packed unit', zh: '对包装做跌落测试' },
        { en: 'Drop a packed unit from about 1 m onto its faces, edges and corners; ship only packaging that passes.',
          zh: '把包装好的商品从约 1 米高处分别以面、棱、角着地跌落，测试通过的包装才能使用。' }),
      fix('carrier_damage_reimbursement',
        { en: 'Check reimbursement of carrier damage', zh: '核对承运商损坏的赔偿' },
        { en: 'FBA returns graded carrier-damaged are Amazon\'s to reimburse: check the Reimbursements report and open a case for any unit missing.',
          zh: '被判定为承运商损坏的 FBA 退货应由亚马逊赔偿：核对赔偿报告，缺失的要开 case 申请。' }),
    ]),
  cause('fulfilment_error', ['wrong_item_sent'], 'logistics',
    { en: 'The buyer received the wrong item, or an extra one', zh: '买家收到了错误的商品或多发的商品' }, [
      fix('label_check',
        { en: 'Check labels before shipping', zh: '发货前核对标签' },
        { en: 'Before goods go to Amazon or the buyer, check that every unit carries the right barcode (FNSKU) and each carton holds one variation only.',
          zh: '发往亚马逊仓库或买家之前，核对每件商品的条码（FNSKU）是否贴对，每箱只装一个变体。' }),
      fix('distinct_variant_packaging',
        { en: 'Variations that are easy to tell apart', zh: '不同变体的包装易于区分' },
        { en: 'Print size and colour large on each variation\'s package, so pickers cannot mix them up.',
          zh: '在每个变体的包装上醒目印出尺码和颜色，避免拣货时混淆。' }),
    ]),
  cause('late_delivery', ['late_delivery'], 'logistics',
    { en: 'The item arrived too late', zh: '商品送达太晚' }, [
      fix('realistic_delivery_promise',
        { en: 'A delivery promise you can keep', zh: '设定能兑现的配送时效' },
        { en: 'Self-fulfilled: set a handling time and shipping-template transit times you really meet, and ship with tracking.',
          zh: '自发货：设置实际能做到的处理时间和运费模板运输时效，并使用可追踪的物流。' }),
      fix('fba_late_is_amazon',
        { en: 'Late FBA deliveries are Amazon\'s', zh: 'FBA 订单迟到由亚马逊负责' },
        { en: 'Late FBA deliveries are not caused by the listing: there is nothing to change; only watch whether they cluster in one marketplace or season.',
          zh: 'FBA 订单迟到与 listing 无关，无需改动；只需留意是否集中在某个站点或季节。' }),
    ]),
  cause('delivery_failure', ['undeliverable'], 'logistics',
    { en: 'The parcel could not be delivered', zh: '包裹无法投递' }, [
      fix('undeliverable_restock_check',
        { en: 'Check the unit came back', zh: '确认商品已退回' },
        { en: 'Check that every undeliverable unit came back to your stock, and claim for any that did not.',
          zh: '确认每件无法投递的商品都已回到库存，没有回来的要申请赔偿。' }),
      fix('tracked_carrier',
        { en: 'A tracked carrier that tries again', zh: '选择可追踪、会多次派送的物流' },
        { en: 'Self-fulfilled: ship with a tracked service that makes several delivery attempts, and use the address exactly as Amazon gives it.',
          zh: '自发货：使用可追踪、会多次尝试派送的物流服务，并严格按照亚马逊提供的地址发货。' }),
    ]),
  cause('amazon_warehouse_damage', ['damaged_in_warehouse'], 'none',
    { en: 'Amazon damaged the item in its warehouse', zh: '商品在亚马逊仓库内被损坏' }, [
      fix('warehouse_damage_claim',
        { en: 'File a reimbursement claim', zh: '申请赔偿' },
        { en: 'Not a listing problem: units Amazon damaged are Amazon\'s to pay. Check the Reimbursements report and open a case for any unit not reimbursed.',
          zh: '这不是 listing 的问题：亚马逊损坏的商品应由亚马逊赔偿。核对赔偿报告，未获赔偿的要开 case 申请。' }),
    ]),
  cause('unauthorized_purchase', ['unauthorized_purchase'], 'none',
    { en: 'Someone ordered without the account holder\'s consent', zh: '订单未经账户持有人授权' }, [
      fix('unauthorized_check_return',
        { en: 'Check what comes back', zh: '检查退回的商品' },
        { en: 'No listing change prevents this. Inspect the returned unit; if it comes back used, damaged or not at all, claim through SAFE-T (self-fulfilled) or FBA reimbursement.',
          zh: '任何 listing 改动都无法避免这种情况。检查退回的商品；如果退回的是用过的、损坏的或根本没有退回，自发货订单走 SAFE-T 索赔，FBA 订单申请赔偿。' }),
    ]),
  cause('unknown', ['other'], 'none',
    { en: 'The reason is unknown or too vague', zh: '退货原因不明或过于笼统' }, [
      fix('read_return_comments',
        { en: 'Read the buyers\' comments', zh: '阅读买家留言' },
        { en: 'Read the return comments and recent reviews of these units to find the real cause, then apply that cause\'s fixes.',
          zh: '阅读这些退货的买家留言和近期评论，找出真正原因，再对症改进。' }),
      fix('inspect_returned_units',
        { en: 'Inspect the returned units', zh: '检查退回的商品' },
        { en: 'Open and test the returned units: what you find often names the cause the reason code does not.',
          zh: '拆开并测试退回的商品：检查结果往往能说明退货原因代码没说清的问题。' }),
    ]),
]);

// Built once; a category left out or claimed twice is a bug in the table above.
const causeByCategory = new Map<string, RootCause>();
for (const rootCause of rootCauses) {
  for (const category of rootCause.reasonCategories) {
    const taken = causeByCategory.get(category);
    if (taken) throw new Error(`Root causes: "${category}" belongs to both ${taken.id} and ${rootCause.id}.`);
    causeByCategory.set(category, rootCause);
  }
}
for (const category of reasonCategories) {
  if (!causeByCategory.has(category)) throw new Error(`Root causes: no cause for "${category}".`);
}
const unknownCause = causeByCategory.get('other') as RootCause;
const tieOrder = new Map(rootCauses.map((rootCause, index) => [rootCause, index]));

/** The root cause a reason category points to. */
export function rootCauseFor(category: ReasonCategory): RootCause {
  return causeByCategory.get(category) ?? unknownCause;
}

export interface CauseShare {
  readonly cause: RootCause;
  readonly units: number;
  /** units / all returned units of the SKU. */
  readonly share: number;
}

/**
 * The dominant root cause of a SKU's returns, from its returned units by reason category (keys may
 * include 'unmapped'). Categories of one cause add up; `unmapped`, `other` and any key that is not a
 * reason category go to the `unknown` cause, whose fix is to read the comments. `all` lists every cause
 * with units, most units first, ties in the order of `rootCauses` (fixable causes first).
 *
 * Any cause can be dominant, including `none` and `unknown` ones: the seller sees the truth. If most
 * returns are Amazon's warehouse damage, that is the dominant cause and its fix is a claim, not a
 * listing change; if most reasons are unknown, the first job is to read the comments. Carrier damage is
 * `transit_damage`, whose fix is packaging. Dominant is null when there are no units.
 *
 * @throws DomainError('invalid_input') on a negative or non-finite count.
 */
export function dominantCause(byReason: Readonly<Record<string, number>>): { readonly dominant: CauseShare | null; readonly all: readonly CauseShare[] } {
  const units = new Map<RootCause, number>();
  let total = 0;
  for (const [key, count] of Object.entries(byReason)) {
    if (!Number.isFinite(count) || count < 0) {
      throw new DomainError('invalid_input', `Returned units for "${key}" must be a number of 0 or more, not ${String(count)}.`, { key, count });
    }
    if (count === 0) continue;
    const rootCause = causeByCategory.get(key) ?? unknownCause;
    units.set(rootCause, (units.get(rootCause) ?? 0) + count);
    total += count;
  }
  const all = [...units]
    .map(([rootCause, n]): CauseShare => ({ cause: rootCause, units: n, share: n / total }))
    .sort((a, b) => b.units - a.units || (tieOrder.get(a.cause) ?? 0) - (tieOrder.get(b.cause) ?? 0));
  return { dominant: all[0] ?? null, all };
}
