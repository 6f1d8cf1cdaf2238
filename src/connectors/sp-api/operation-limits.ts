// Each Reports API operation's usage plan: requests per second refilled, and the burst a client may
// spend at once (reference §3.1, Amazon's Reports API 2021-06-30 model). Amazon may apply other
// values to a seller; its `x-amzn-RateLimit-Limit` answer header says which, and a 429 is backed off.

export interface UsagePlan {
  readonly ratePerSecond: number;
  readonly burst: number;
}

export const reportOperations = ['createReport', 'getReport', 'getReports', 'getReportDocument'] as const;
export type ReportOperation = (typeof reportOperations)[number];

export const usagePlans: Readonly<Record<ReportOperation, UsagePlan>> = {
  createReport: { ratePerSecond: 0.0167, burst: 15 },
  getReport: { ratePerSecond: 2, burst: 15 },
  getReports: { ratePerSecond: 0.0222, burst: 10 },
  getReportDocument: { ratePerSecond: 0.0167, burst: 15 },
};
