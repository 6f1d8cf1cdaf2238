/** The exact report headers of reference §2 (amazon-returns.md), column for column. */
const split = (line: string): readonly string[] => Object.freeze(line.split('\t'));

/** GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA (§2.1), 13 columns. */
export const fbaReturnsHeader = split('return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments');

/** The 12-column variant without `status` seen in Amazon.ae downloads (§2.1). */
export const fbaReturnsHeaderWithoutStatus = Object.freeze(fbaReturnsHeader.filter((column) => column !== 'status'));

/** GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (§2.2), 32 columns. */
export const mfnReturnsHeader = split('Order ID\tOrder date\tReturn request date\tReturn request status\tAmazon RMA ID\tMerchant RMA ID\tLabel type\tLabel cost\tCurrency code\tReturn carrier\tTracking ID\tLabel to be paid by\tA-to-Z Claim\tIs prime\tASIN\tMerchant SKU\tItem Name\tReturn quantity\tReturn Reason\tIn policy\tReturn type\tResolution\tInvoice number\tReturn delivery date\tOrder Amount\tOrder quantity\tSafeT Action reason\tSafeT claim id\tSafeT claim state\tSafeT claim creation time\tSafeT claim reimbursement amount\tRefunded Amount');

/** The 2025 downloads' extra trailing column (§2.2). */
export const mfnReturnsHeaderWithOrderItemId = Object.freeze([...mfnReturnsHeader, 'Order Item ID']);

/** GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL (§2.3). */
export const allOrdersHeader = split('amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tcpf\tis-business-order\tpurchase-order-number\tprice-designation');

/** GET_FBA_REIMBURSEMENTS_DATA (§2.4), 18 columns. */
export const reimbursementsHeader = split('approval-date\treimbursement-id\tcase-id\tamazon-order-id\treason\tsku\tfnsku\tasin\tproduct-name\tcondition\tcurrency-unit\tamount-per-unit\tamount-total\tquantity-reimbursed-cash\tquantity-reimbursed-inventory\tquantity-reimbursed-total\toriginal-reimbursement-id\toriginal-reimbursement-type');

/** GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA (§2.5). */
export const removalsHeader = split('request-date\torder-id\torder-type\tservice-speed\torder-status\tlast-updated-date\tsku\tfnsku\tdisposition\trequested-quantity\tcancelled-quantity\tdisposed-quantity\tshipped-quantity\tin-process-quantity\tremoval-fee\tcurrency');

/** GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2 (§2.6). */
export const settlementHeader = split('settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\tamount-description\tamount\tfulfillment-id\tposted-date\tposted-date-time\torder-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased');
