import { z } from 'zod';
import type { AmazonConnection } from '../../services/amazon-connection.js';
import type { ReportSyncStatus } from '../../services/amazon-sync.js';

// The Amazon connection over HTTP (docs/api/amazon.md). The client secret and refresh token go in
// once, in a PUT body; no answer ever holds them.

export const amazonConnectBody = z.object({
  clientId: z.string().max(200).describe('The LWA client id, amzn1.application-oa2-client.…'),
  clientSecret: z.string().max(500).describe('The LWA client secret; stored sealed, never answered'),
  refreshToken: z.string().max(2100).describe('The seller\'s refresh token, Atzr|…; stored sealed, never answered'),
  marketplaces: z.array(z.string().max(10)).min(1).max(25).describe('Marketplace codes of one region (US, CA, MX…)'),
}).strict();

const connectionReply = z.object({
  region: z.enum(['NA', 'EU', 'FE']), marketplaces: z.array(z.string()), clientId: z.string(),
  connectedBy: z.string(), connectedAt: z.string(), updatedAt: z.string(),
}).strict();

const reportStateReply = z.object({
  reportType: z.string(), marketplace: z.string(), fetchedThrough: z.string().nullable(), lastRunAt: z.string().nullable(),
  lastOutcome: z.string().nullable(), lastError: z.string().nullable(), lastImportRunId: z.number().int().nullable(),
}).strict();

export const amazonStatusReply = z.object({
  connection: connectionReply.nullable(),
  reports: z.array(reportStateReply).describe('How far each report type was fetched, per marketplace, and how its last run went'),
  syncRunning: z.boolean().describe('A sync of this account runs in this server process now'),
  scheduleHours: z.number().describe('Hours between the server\'s scheduled syncs (0: only when asked)'),
}).strict();
export type AmazonStatusResponse = z.infer<typeof amazonStatusReply>;

export const syncStartReply = z.object({ started: z.boolean(), syncRunning: z.boolean() }).strict();

export function toAmazonStatusResponse(status: { connection: AmazonConnection | null; reports: readonly ReportSyncStatus[] }, syncRunning: boolean, scheduleHours: number): AmazonStatusResponse {
  const c = status.connection;
  return {
    connection: c && { region: c.region, marketplaces: [...c.marketplaces], clientId: c.clientId, connectedBy: c.connectedBy, connectedAt: c.connectedAt, updatedAt: c.updatedAt },
    reports: status.reports.map((r) => ({ ...r })), syncRunning, scheduleHours,
  };
}
