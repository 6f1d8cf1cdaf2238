import type { ReasonEntry } from './reasons.js';

/*
 * Every return reason code of the returns reference (§1.1–1.3, "Amazon seller returns: reference
 * facts"), as data.
 * Amazon publishes no enum for these codes; the list comes from third-party code and real report
 * rows. `faultConfirmed` is true only where Amazon's EU return-shipping table names the reason (the
 * US list is unconfirmed to match it). For FBA the disposition, not the reason, decides whether
 * Amazon reimburses (reference §1.1 notes): the reason is the buyer's claim only.
 * To add a code seen in a report, add an entry (or an alias) here with its source.
 */

const euTable = 'Amazon EU return-shipping responsibility table, SC help 202080050 (reference §1.3)';
const fbaMap = 'third-party code map of the FBA returns report, unconfirmed by Amazon (reference §1.1)';
const newerFbaMap = 'newer codes seen in third-party code maps, unconfirmed by Amazon (reference §1.1)';
const jewelryMap = 'old jewelry reason list of a third-party Django model, unconfirmed by Amazon (reference §1.1)';
const mfnForm = 'MFN form: Amazon return form option id RO_CR-… (public copy, reference §1.2)';
const mfnMap = 'third-party MFN code map, unconfirmed by Amazon (reference §1.2)';
const inferred = 'fault inferred by ReturnDesk, not in Amazon\'s table';
const undeliverable = 'fault inferred (reference §1.1 notes): recorded as carrier, though the buyer may have caused it';

export const reasonCatalogData = [
  { code: 'UNWANTED_ITEM', aliases: ['CR-UNWANTED_ITEM'], category: 'changed_mind', fault: 'buyer', faultConfirmed: true, productSignal: false,
    description: 'Buyer no longer needs or wants the item.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "No longer needed/wanted"` },
  { code: 'NO_LONGER_NEEDED', aliases: [], category: 'changed_mind', fault: 'buyer', faultConfirmed: false, productSignal: false,
    description: 'Buyer no longer needs the item (unprefixed MFN code).', source: `UK/BR seller code (reference §1.2); ${inferred}, though the EU table lists "No longer needed/wanted" as buyer` },
  { code: 'NO_REASON_GIVEN', aliases: ['CR-NO_REASON_GIVEN'], category: 'other', fault: 'buyer', faultConfirmed: false, productSignal: false,
    description: 'Buyer gave no reason.', source: `${fbaMap}; ${mfnMap} (BR seller); ${inferred} (reference §1.1 notes)` },
  { code: 'ORDERED_WRONG_ITEM', aliases: ['CR-ORDERED_WRONG_ITEM'], category: 'ordered_wrong_item', fault: 'buyer', faultConfirmed: true, productSignal: false,
    description: 'Buyer ordered by mistake.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Accidental order"` },
  { code: 'MISORDERED', aliases: ['AMZ-PG-MISORDERED'], category: 'ordered_wrong_item', fault: 'buyer', faultConfirmed: false, productSignal: false,
    description: 'Buyer ordered the wrong style, size or colour.', source: `${fbaMap}; ${mfnMap}; ${inferred} (reference §1.1 notes)` },
  { code: 'FOUND_BETTER_PRICE', aliases: ['CR-FOUND_BETTER_PRICE'], category: 'better_price', fault: 'buyer', faultConfirmed: true, productSignal: false,
    description: 'Buyer found a better price elsewhere.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Better price available"` },
  // Buyer fault per Amazon, yet a quality complaint: a product signal all the same (reference §1.3).
  { code: 'QUALITY_UNACCEPTABLE', aliases: ['CR-QUALITY_UNACCEPTABLE'], category: 'defective_quality', fault: 'buyer', faultConfirmed: true, productSignal: true,
    description: 'Performance or quality not adequate.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Performance or quality not adequate"` },
  { code: 'NOT_COMPATIBLE', aliases: ['CR-NOT_COMPATIBLE'], category: 'compatibility', fault: 'buyer', faultConfirmed: true, productSignal: true,
    description: 'Not compatible with the buyer\'s system or not useful for the intended purpose; compatibility lists are a listing fix.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Incompatible or not useful for intended purpose"` },
  { code: 'PART_NOT_COMPATIBLE', aliases: [], category: 'compatibility', fault: 'buyer', faultConfirmed: true, productSignal: true,
    description: 'Part not compatible with the buyer\'s existing system.', source: `${fbaMap} (Java enum, kindminds DRS); fault: ${euTable}, "Part not compatible with existing system"` },
  // Installation trouble is closest to compatibility; installation notes are a listing fix.
  { code: 'EXCESSIVE_INSTALLATION', aliases: [], category: 'compatibility', fault: 'buyer', faultConfirmed: true, productSignal: true,
    description: 'Too hard to install, or did not install.', source: `${fbaMap}; fault: ${euTable}, "Excessive installation / did not install"; category chosen by ReturnDesk` },
  { code: 'APPAREL_TOO_SMALL', aliases: ['AMZ-PG-APP-TOO-SMALL'], category: 'size_fit', fault: 'unknown', faultConfirmed: false, productSignal: true,
    description: 'Garment too small; size charts are a listing fix.', source: `${fbaMap}; MFN form from a real ES XML returns report (reference §1.2); fault not in Amazon's table` },
  { code: 'APPAREL_TOO_LARGE', aliases: ['AMZ-PG-APP-TOO-LARGE'], category: 'size_fit', fault: 'unknown', faultConfirmed: false, productSignal: true,
    description: 'Garment too large; size charts are a listing fix.', source: `${fbaMap}; MFN form from a real ES XML returns report (reference §1.2); fault not in Amazon's table` },
  { code: 'POOR_FIT', aliases: [], category: 'size_fit', fault: 'unknown', faultConfirmed: false, productSignal: true,
    description: 'Garment fits poorly.', source: `${newerFbaMap}; also seen unprefixed in MFN data (reference §1.2); fault not in Amazon's table` },
  { code: 'APPAREL_STYLE', aliases: ['AMZ-PG-APP-STYLE'], category: 'changed_mind', fault: 'buyer', faultConfirmed: false, productSignal: false,
    description: 'Buyer did not like the garment\'s style.', source: `${fbaMap}; MFN form from a real ES XML returns report (reference §1.2); ${inferred}, by analogy with "No longer needed/wanted"` },
  { code: 'DID_NOT_LIKE_COLOR', aliases: [], category: 'changed_mind', fault: 'buyer', faultConfirmed: false, productSignal: false,
    description: 'Buyer did not like the colour.', source: `${newerFbaMap}; also in MFN data (reference §1.2); ${inferred}` },
  { code: 'DID_NOT_LIKE_FABRIC', aliases: [], category: 'changed_mind', fault: 'buyer', faultConfirmed: false, productSignal: false,
    description: 'Buyer did not like the fabric.', source: `${newerFbaMap}; ${inferred}` },
  { code: 'DEFECTIVE', aliases: ['CR-DEFECTIVE'], category: 'defective_quality', fault: 'seller', faultConfirmed: true, productSignal: true,
    description: 'Item defective or does not work.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Defective/does not work"` },
  { code: 'WARRANTY', aliases: [], category: 'defective_quality', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Became defective after arrival; returned under warranty.', source: `old third-party Django model (reference §1.1); ${inferred}, by analogy with "Defective/does not work"` },
  { code: 'BAD_ITEM', aliases: ['AMZ-PG-BAD-ITEM'], category: 'defective_quality', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Bad item (MFN product-group code; meaning not documented by Amazon).', source: `${mfnMap}; ${inferred}, read as "Defective/does not work"` },
  { code: 'NOT_AS_DESCRIBED', aliases: ['AMZ-PG-BAD-DESC'], category: 'not_as_described', fault: 'seller', faultConfirmed: true, productSignal: true,
    description: 'Item not as described on the website.', source: `${fbaMap}; MFN form AMZ-PG-BAD-DESC from Amazon's return form (reference §1.2); fault: ${euTable}, "Description on website not accurate"` },
  { code: 'NOT_AS_PHOTO', aliases: [], category: 'not_as_described', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Item does not look like the photos.', source: `${newerFbaMap}; also in MFN data (reference §1.2); ${inferred}, by analogy with "Description on website not accurate"` },
  { code: 'DIFFERENT_PRODUCT', aliases: [], category: 'not_as_described', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Item differs from the product shown.', source: `${newerFbaMap}; ${inferred}, by analogy with "Description on website not accurate"` },
  { code: 'PRODUCT_NOT_ITALIAN', aliases: [], category: 'not_as_described', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Product or its instructions not in Italian.', source: `${newerFbaMap}; ${inferred}: the listing should state the language` },
  { code: 'PRODUCT_NOT_SPANISH', aliases: [], category: 'not_as_described', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Product or its instructions not in Spanish.', source: `${newerFbaMap}; ${inferred}: the listing should state the language` },
  { code: 'MISSING_PARTS', aliases: ['CR-MISSING_PARTS'], category: 'missing_parts', fault: 'seller', faultConfirmed: true, productSignal: true,
    description: 'Parts or accessories missing.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Missing parts/accessories"` },
  { code: 'SWITCHEROO', aliases: ['CR-SWITCHEROO'], category: 'wrong_item_sent', fault: 'seller', faultConfirmed: true, productSignal: false,
    description: 'Buyer received the wrong item.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Wrong item sent"` },
  { code: 'EXTRA_ITEM', aliases: ['CR-EXTRA_ITEM'], category: 'wrong_item_sent', fault: 'seller', faultConfirmed: true, productSignal: false,
    description: 'Item arrived in addition to what was ordered.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Arrived in addition to what was ordered"; category chosen by ReturnDesk (a fulfilment error)` },
  { code: 'DAMAGED_BY_CARRIER', aliases: ['CR-DAMAGED_BY_CARRIER'], category: 'damaged_in_transit', fault: 'seller', faultConfirmed: true, productSignal: false,
    description: 'Product and shipping box both damaged.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Box and item both damaged"; for FBA the disposition decides who pays (CARRIER_DAMAGED: Amazon reimburses)` },
  { code: 'DAMAGED', aliases: ['AMZ-PG-DAMAGED'], category: 'damaged_in_transit', fault: 'seller', faultConfirmed: false, productSignal: false,
    description: 'Item arrived damaged (MFN product-group code; cause not stated).', source: `${mfnMap}; ${inferred}, read as "Damaged during delivery" since the seller shipped it` },
  { code: 'DAMAGED_BY_FC', aliases: ['CR-DAMAGED_BY_FC'], category: 'damaged_in_warehouse', fault: 'seller', faultConfirmed: false, productSignal: false,
    description: 'Item damaged but its box fine (fulfilment-centre damage).', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Box OK but item damaged" (mapping of code to that row inferred); for FBA the disposition decides who pays` },
  { code: 'MISSED_ESTIMATED_DELIVERY', aliases: ['CR-MISSED_ESTIMATED_DELIVERY'], category: 'late_delivery', fault: 'seller', faultConfirmed: true, productSignal: false,
    description: 'Arrived too late; no longer wanted.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Missed estimated delivery date"` },
  { code: 'UNAUTHORIZED_PURCHASE', aliases: ['CR-UNAUTHORIZED_PURCHASE'], category: 'unauthorized_purchase', fault: 'seller', faultConfirmed: true, productSignal: false,
    description: 'Purchase not authorised by the account holder.', source: `${fbaMap}; ${mfnForm}; fault: ${euTable}, "Unauthorised purchase"` },
  { code: 'NEVER_ARRIVED', aliases: [], category: 'undeliverable', fault: 'carrier', faultConfirmed: false, productSignal: false,
    description: 'Package never arrived.', source: `${fbaMap} (Java enum); ${undeliverable}` },
  { code: 'UNDELIVERABLE_REFUSED', aliases: [], category: 'undeliverable', fault: 'carrier', faultConfirmed: false, productSignal: false,
    description: 'Delivery refused; returned to origin.', source: `${fbaMap}; also in MFN data (reference §1.2); ${undeliverable} (reference: carrier/buyer)` },
  { code: 'UNDELIVERABLE_UNKNOWN', aliases: ['UND-UNKNOWN'], category: 'undeliverable', fault: 'carrier', faultConfirmed: false, productSignal: false,
    description: 'Undeliverable, cause unknown.', source: `${fbaMap}; UND-UNKNOWN from a ${mfnMap}; ${undeliverable}` },
  { code: 'UNDELIVERABLE_INSUFFICIENT_ADDRESS', aliases: [], category: 'undeliverable', fault: 'carrier', faultConfirmed: false, productSignal: false,
    description: 'Address bad or insufficient.', source: `${fbaMap}; ${undeliverable} (reference: carrier/buyer)` },
  { code: 'UNDELIVERABLE_FAILED_DELIVERY_ATTEMPTS', aliases: [], category: 'undeliverable', fault: 'carrier', faultConfirmed: false, productSignal: false,
    description: 'Delivery attempts failed.', source: `${fbaMap}; ${undeliverable}` },
  { code: 'UNDELIVERABLE_UNCLAIMED', aliases: [], category: 'undeliverable', fault: 'carrier', faultConfirmed: false, productSignal: false,
    description: 'Package not picked up.', source: `${fbaMap}; ${undeliverable} (reference: carrier/buyer)` },
  { code: 'UNDELIVERABLE_CARRIER_MISS_SORTED', aliases: [], category: 'undeliverable', fault: 'carrier', faultConfirmed: false, productSignal: false,
    description: 'Carrier mis-sorted the package.', source: `${fbaMap} (Java enum); ${undeliverable}` },
  { code: 'UNDELIVERABLE_MISSING_LABEL', aliases: [], category: 'undeliverable', fault: 'carrier', faultConfirmed: false, productSignal: false,
    description: 'Shipping label missing.', source: `${fbaMap} (Java enum); ${undeliverable}` },
  { code: 'UNKNOWN_OTHER_REASON', aliases: [], category: 'other', fault: 'unknown', faultConfirmed: false, productSignal: false,
    description: 'Other reason.', source: `${fbaMap} (Java enum); fault not in Amazon's table` },
  { code: 'JEWELRY_TOO_SMALL', aliases: ['AMZ-PG-WJ-TOO-SMALL'], category: 'size_fit', fault: 'unknown', faultConfirmed: false, productSignal: true,
    description: 'Jewelry or watch too small; size guides are a listing fix.', source: `${jewelryMap}; AMZ-PG-WJ-TOO-SMALL (watches & jewelry) from a real US MFN row, read as this code (reference §1.2); fault not in Amazon's table` },
  { code: 'JEWELRY_TOO_LARGE', aliases: [], category: 'size_fit', fault: 'unknown', faultConfirmed: false, productSignal: true,
    description: 'Jewelry or watch too large; size guides are a listing fix.', source: `${jewelryMap}; fault not in Amazon's table` },
  { code: 'JEWELRY_BATTERY', aliases: [], category: 'defective_quality', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Watch battery dead or missing.', source: `${jewelryMap}; ${inferred}, by analogy with "Defective/does not work"` },
  { code: 'JEWELRY_NO_DOCS', aliases: [], category: 'missing_parts', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Documents missing.', source: `${jewelryMap}; ${inferred}, by analogy with "Missing parts/accessories"` },
  { code: 'JEWELRY_BAD_CLASP', aliases: [], category: 'defective_quality', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Clasp faulty.', source: `${jewelryMap}; ${inferred}, by analogy with "Defective/does not work"` },
  { code: 'JEWELRY_LOOSE_STONE', aliases: [], category: 'defective_quality', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Stone loose.', source: `${jewelryMap}; ${inferred}, by analogy with "Defective/does not work"` },
  { code: 'JEWELRY_NO_CERT', aliases: [], category: 'missing_parts', fault: 'seller', faultConfirmed: false, productSignal: true,
    description: 'Certificate missing.', source: `${jewelryMap}; ${inferred}, by analogy with "Missing parts/accessories"` },
] as const satisfies readonly ReasonEntry[];
