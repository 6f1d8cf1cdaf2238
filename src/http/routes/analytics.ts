import { attachmentHeaders } from '../downloads.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { listingFixPage, recordListingFix } from '../../services/listing-fixes.js';
import { parseProblemLimit, parseReportLanguage } from '../../services/report-options.js';
import { accountCauses, causeTable, isCauseTableNumber } from '../../services/return-causes.js';
import { accountReturnCosts, costTable, isCostTableNumber } from '../../services/return-costs.js';
import { accountReturnRates, isRateTableNumber, rateTable } from '../../services/return-rates.js';
import { accountSpikes, isSpikeTableNumber, spikeTable } from '../../services/spikes.js';
import { tableBytes, tableMediaTypes } from '../../services/table-export.js';
import type { ExportTable, TableFormat } from '../../services/table-export.js';
import { accountIdOf, actorOf } from '../auth/access.js';
import type { RouteContext } from '../route-context.js';
import { describeRoute } from '../route-options.js';
import { accountParams } from '../schemas/accounts.js';
import {
  causesQuery, causesReply, costsQuery, costsReply, fixBody, fixListQuery, fixListReply, ratesQuery, ratesReply, recordedFixReply,
  spikesQuery, spikesReply,
} from '../schemas/analytics.js';

// Prevention analytics (docs/api/analytics.md, docs/prevention.md): the reports of `returndesk report`
// as JSON or as the CSV/XLSX tables the CLI writes, and the fix log of `returndesk fix`.

const tags = ['analytics'];
const download = ' (format=csv|xlsx: the table as a download)';

/** The report as JSON, or its table as a file download of `format`; the table is built only for a download. */
async function answer<T>(reply: FastifyReply, format: 'json' | TableFormat, result: T, name: string, table: () => ExportTable): Promise<T | FastifyReply> {
  if (format === 'json') return result;
  const bytes = await tableBytes(table(), format);
  return reply.headers(attachmentHeaders(`${name}.${format}`, tableMediaTypes[format])).send(bytes);
}

export function registerAnalyticsRoutes(app: FastifyInstance, context: RouteContext): void {
  const { database } = context;
  const report = (name: string) => `/api/accounts/:accountId/reports/${name}`;

  app.get(report('rates'), describeRoute({
    access: { permission: 'read' }, tags, summary: `Return rates per SKU (ASIN, category, marketplace) and purchase month, with intervals and reasons${download}`,
    params: accountParams, query: ratesQuery, replies: { 200: ratesReply },
  }), async (request, reply) => {
    const { format, ...range } = ratesQuery.parse(request.query);
    const rates = await accountReturnRates(database, accountIdOf(request), range);
    return answer(reply, format, rates, 'return-rates', () => ({ sheet: 'Return rates', rows: rateTable(rates), isNumber: isRateTableNumber }));
  });

  app.get(report('costs'), describeRoute({
    access: { permission: 'read' }, tags, summary: `What returns cost per SKU and month and what was recovered; the headline for the latest month${download}`,
    params: accountParams, query: costsQuery, replies: { 200: costsReply },
  }), async (request, reply) => {
    const { format, ...range } = costsQuery.parse(request.query);
    const costs = await accountReturnCosts(database, accountIdOf(request), range);
    return answer(reply, format, costs, 'return-costs', () => ({ sheet: 'Cost of returns', rows: costTable(costs), isNumber: isCostTableNumber }));
  });

  app.get(report('causes'), describeRoute({
    access: { permission: 'read' }, tags, summary: `Problem SKUs: reasons, root cause, buyers' words, fixes to make and tried; FBA returns fee exposure${download}`,
    params: accountParams, query: causesQuery, replies: { 200: causesReply },
  }), async (request, reply) => {
    const { format, lang: langText, limit: limitText, ...options } = causesQuery.parse(request.query);
    const lang = parseReportLanguage(langText);
    const limit = parseProblemLimit(limitText);
    const causes = await accountCauses(database, accountIdOf(request), { ...options, limit, nowIso: context.now() });
    return answer(reply, format, causes, 'return-causes', () => ({ sheet: 'Problem SKUs', rows: causeTable(causes, lang), isNumber: isCauseTableNumber }));
  });

  app.get(report('spikes'), describeRoute({
    access: { permission: 'read' }, tags, summary: `Every SKU's verdict on its latest closed purchase weeks against its own baseline, spikes first${download}`,
    params: accountParams, query: spikesQuery, replies: { 200: spikesReply },
  }), async (request, reply) => {
    const { format, asOf } = spikesQuery.parse(request.query);
    const spikes = await accountSpikes(database, accountIdOf(request), { asOf, nowIso: context.now() });
    return answer(reply, format, spikes, 'return-spikes', () => ({ sheet: 'Spikes', rows: spikeTable(spikes), isNumber: isSpikeTableNumber }));
  });

  registerFixRoutes(app, context);
}

function registerFixRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get('/api/accounts/:accountId/fixes', describeRoute({
    access: { permission: 'read' }, tags, summary: 'The fix log, oldest change first: each listing change with the return rate before and after it and its verdict',
    params: accountParams, query: fixListQuery, replies: { 200: fixListReply },
  }), async (request) => {
    const query = fixListQuery.parse(request.query);
    const page = await listingFixPage(context.database, accountIdOf(request), { ...query, nowIso: context.now() });
    return { items: page.items, total: page.total, limit: query.limit, offset: query.offset };
  });

  app.post('/api/accounts/:accountId/fixes', describeRoute({
    access: { permission: 'work_cases' }, tags, summary: 'Record a change made to a listing; its verdict comes once the weeks after it close',
    params: accountParams, body: fixBody, replies: { 201: recordedFixReply },
  }), async (request, reply) => {
    const body = fixBody.parse(request.body);
    const fix = await recordListingFix(context.database, accountIdOf(request), body, context.now(), actorOf(request.identity));
    return reply.status(201).send(fix);
  });
}
