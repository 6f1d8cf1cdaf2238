import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  causesReply, costsReply, fixBody, fixListReply, ratesReply, recordedFixReply, spikesReply,
} from '../../../src/http/schemas/analytics.js';
import { apiRequest, withQuery } from './client.js';

// Prevention analytics (docs/api/analytics.md): the reports of `returndesk report` and the fix log.

export type RatesResponse = z.infer<typeof ratesReply>;
export type RateRow = RatesResponse['rows'][number];
export type CostsResponse = z.infer<typeof costsReply>;
export type CostTotal = CostsResponse['totals'][number];
export type CausesResponse = z.infer<typeof causesReply>;
export type ProblemSku = CausesResponse['problems'][number];
export type ParetoBar = ProblemSku['pareto'][number];
export type SpikesResponse = z.infer<typeof spikesReply>;
export type SpikeRow = SpikesResponse['rows'][number];
export type FixListResponse = z.infer<typeof fixListReply>;
export type FixResult = FixListResponse['items'][number];
export type FixBody = z.infer<typeof fixBody>;
export type RecordedFix = z.infer<typeof recordedFixReply>;

/** Purchase (or, for costs, money) months asked for, `YYYY-MM`, both included; undefined is the route's default. */
export interface MonthRange {
  from?: string;
  to?: string;
}

export type ReportName = 'rates' | 'costs' | 'causes' | 'spikes';
export type DownloadFormat = 'csv' | 'xlsx';

/** The query each report takes from the page: rates per marketplace (the chart's lines); spikes take no months. */
function reportQuery(report: ReportName, range: MonthRange) {
  if (report === 'spikes') return {};
  if (report === 'rates') return { ...range, by: 'marketplace' };
  return { ...range };
}

const reportPath = (accountId: number, report: ReportName) => `/api/accounts/${accountId}/reports/${report}`;

/** A plain link to the report's table: the browser downloads it itself (the cookie rides along). */
export function reportDownloadUrl(accountId: number, report: ReportName, range: MonthRange, format: DownloadFormat): string {
  return withQuery(reportPath(accountId, report), { ...reportQuery(report, range), format });
}

function useReport<T>(accountId: number, report: ReportName, range: MonthRange) {
  const query = reportQuery(report, range);
  return useQuery({
    queryKey: ['report', accountId, report, query],
    queryFn: ({ signal }) => apiRequest<T>(reportPath(accountId, report), { query, signal }),
    // A new range keeps the old figures on screen (marked stale) until the new ones arrive.
    placeholderData: keepPreviousData,
    // A bad month (400) will not change by asking again.
    retry: false,
  });
}

export const useRates = (accountId: number, range: MonthRange) => useReport<RatesResponse>(accountId, 'rates', range);
export const useCosts = (accountId: number, range: MonthRange) => useReport<CostsResponse>(accountId, 'costs', range);
export const useCauses = (accountId: number, range: MonthRange) => useReport<CausesResponse>(accountId, 'causes', range);
export const useSpikes = (accountId: number) => useReport<SpikesResponse>(accountId, 'spikes', {});

export const fixPageSize = 50;

/** A page of the fix log, oldest change first, each fix judged before and after. */
export function useFixes(accountId: number, offset: number) {
  return useQuery({
    queryKey: ['fixes', accountId, offset],
    queryFn: ({ signal }) => apiRequest<FixListResponse>(`/api/accounts/${accountId}/fixes`, { query: { limit: fixPageSize, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Records a listing change; the fix log and the problem SKUs' fixes tried change with it. */
export function useRecordFix(accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FixBody) => apiRequest<RecordedFix>(`/api/accounts/${accountId}/fixes`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['fixes', accountId] });
      void client.invalidateQueries({ queryKey: ['report', accountId, 'causes'] });
    },
  });
}
