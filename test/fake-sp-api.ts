import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

// A fake Login with Amazon and Selling Partner API Reports 2021-06-30 server on 127.0.0.1, behaving as
// Amazon's published models say (reference §3.1, §3.2): refresh tokens traded for access tokens that
// expire; reports moving IN_QUEUE → IN_PROGRESS → DONE one step per poll, or ending CANCELLED or
// FATAL; documents gzip-compressed or not, in the charset their download declares, at addresses that
// expire; and 429s with x-amzn-RateLimit-Limit when a test asks for throttling.

export interface FakeCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/** What the fake answers for one report type. */
export interface FakeReport {
  /** The statuses a report walks through before its end (default IN_QUEUE, IN_PROGRESS). */
  readonly waits?: readonly ('IN_QUEUE' | 'IN_PROGRESS')[];
  readonly end?: 'DONE' | 'CANCELLED' | 'FATAL';
  /** The document's bytes (DONE, or FATAL's explanation). */
  readonly content?: Buffer;
  readonly charset?: string;
  readonly gzip?: boolean;
}

export interface FakeSpApi {
  readonly origin: string;
  /** Every request the fake saw, in order: method, path (without the query) and the parsed JSON body. */
  readonly requests: { method: string; path: string; body: unknown }[];
  /** Access tokens issued so far. */
  tokensIssued(): number;
  /** Document downloads refused because their address had expired. */
  expiredDownloads(): number;
  /** Answers the next `count` requests of `operation` with 429. */
  throttle(operation: 'createReport' | 'getReport' | 'getReports' | 'getReportDocument' | 'token', count: number): void;
  /** Moves the fake's clock (token and address expiry) forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** A report Amazon made on its own schedule (settlements): listed by getReports, never created. */
export interface FakeScheduledReport extends FakeReport {
  readonly reportType: string;
  readonly createdTime: string;
}

interface Options {
  readonly credentials: FakeCredentials;
  readonly reports: Readonly<Record<string, FakeReport>>;
  readonly scheduled?: readonly FakeScheduledReport[];
  /** Reports per page of getReports (default 100, Amazon's largest). */
  readonly listPageSize?: number;
  /** Access token lifetime, seconds (default 3600). */
  readonly tokenSeconds?: number;
  /** Document address lifetime, seconds (default 300: Amazon's five minutes). */
  readonly documentSeconds?: number;
  /** The first this many document addresses are issued already expired (signed ten minutes ago). */
  readonly staleDocuments?: number;
}

interface Report { id: string; type: string; steps: string[]; step: number; body: unknown; plan: FakeReport }

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeSpApi(options: Options): Promise<FakeSpApi> {
  let clock = Date.now();
  let issued = 0;
  let expired = 0;
  let issuedDocuments = 0;
  const tokens = new Map<string, number>();
  const reports = new Map<string, Report>();
  const throttles = new Map<string, number>();
  const requests: FakeSpApi['requests'] = [];
  let origin = '';

  const throttled = (operation: string, response: ServerResponse): boolean => {
    const left = throttles.get(operation) ?? 0;
    if (left === 0) return false;
    throttles.set(operation, left - 1);
    json(response, 429, { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] }, { 'x-amzn-ratelimit-limit': '50' });
    return true;
  };

  const token = (form: URLSearchParams, response: ServerResponse) => {
    if (throttled('token', response)) return;
    const { clientId, clientSecret, refreshToken } = options.credentials;
    if (form.get('grant_type') !== 'refresh_token' || form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret || form.get('refresh_token') !== refreshToken) {
      json(response, 400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
      return;
    }
    issued += 1;
    const value = `Atza|fake-access-${issued}`;
    tokens.set(value, clock + (options.tokenSeconds ?? 3600) * 1000);
    json(response, 200, { access_token: value, token_type: 'bearer', expires_in: options.tokenSeconds ?? 3600, refresh_token: refreshToken });
  };

  const authorized = (request: IncomingMessage, response: ServerResponse): boolean => {
    const expiresAt = tokens.get(String(request.headers['x-amz-access-token'] ?? ''));
    if (expiresAt !== undefined && clock < expiresAt) return true;
    json(response, 403, { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' }] });
    return false;
  };

  const createReport = (body: { reportType?: string; marketplaceIds?: string[] }, response: ServerResponse) => {
    const plan = body.reportType === undefined ? undefined : options.reports[body.reportType];
    if (!plan || !Array.isArray(body.marketplaceIds) || body.marketplaceIds.length === 0) {
      json(response, 400, { errors: [{ code: 'InvalidInput', message: `Invalid report request: ${JSON.stringify(body)}` }] });
      return;
    }
    const id = String(50_000 + reports.size + 1);
    reports.set(id, { id, type: body.reportType!, steps: [...(plan.waits ?? ['IN_QUEUE', 'IN_PROGRESS']), plan.end ?? 'DONE'], step: 0, body, plan });
    json(response, 202, { reportId: id });
  };

  const getReport = (id: string, response: ServerResponse) => {
    const report = reports.get(id);
    if (!report) return json(response, 404, { errors: [{ code: 'NotFound', message: `Report ${id} not found` }] });
    const status = report.steps[Math.min(report.step, report.steps.length - 1)]!;
    report.step += 1;
    const { plan } = report;
    const hasDocument = status === 'DONE' || (status === 'FATAL' && plan.content !== undefined);
    json(response, 200, { reportId: id, reportType: report.type, processingStatus: status, ...(hasDocument ? { reportDocumentId: `amzn1.tortuga.doc.${id}` } : {}) });
  };

  const getDocument = (documentId: string, response: ServerResponse) => {
    const id = documentId.replace('amzn1.tortuga.doc.', '');
    const report = reports.get(id);
    if (!report) return json(response, 404, { errors: [{ code: 'NotFound', message: `Document ${documentId} not found` }] });
    const { plan } = report;
    // Signed like S3's pre-signed addresses: a signing time and a lifetime in seconds.
    const signedAt = clock - (issuedDocuments++ < (options.staleDocuments ?? 0) ? 10 * 60_000 : 0);
    const amzDate = new Date(signedAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const url = `${origin}/files/${id}?X-Amz-Date=${amzDate}&X-Amz-Expires=${options.documentSeconds ?? 300}&X-Amz-Signature=fake`;
    json(response, 200, { reportDocumentId: documentId, url, ...(plan.gzip ? { compressionAlgorithm: 'GZIP' } : {}) });
  };

  const file = (id: string, url: URL, response: ServerResponse) => {
    const report = reports.get(id);
    if (!report) return json(response, 404, {});
    const signed = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(url.searchParams.get('X-Amz-Date') ?? '')!;
    const signedAt = Date.UTC(Number(signed[1]), Number(signed[2]) - 1, Number(signed[3]), Number(signed[4]), Number(signed[5]), Number(signed[6]));
    if (clock > signedAt + Number(url.searchParams.get('X-Amz-Expires')) * 1000) {
      expired += 1;
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
      return;
    }
    const { plan } = report;
    const content = plan.content ?? Buffer.alloc(0);
    response.writeHead(200, { 'content-type': `text/plain${plan.charset ? `; charset=${plan.charset}` : ''}` });
    response.end(plan.gzip ? gzipSync(content) : content);
  };

  // Scheduled reports exist from the start, numbered after the created ones' range.
  (options.scheduled ?? []).forEach((plan, index) => {
    const id = String(90_000 + index);
    reports.set(id, { id, type: plan.reportType, steps: ['DONE'], step: 0, body: undefined, plan });
  });

  const listReports = (url: URL, response: ServerResponse) => {
    const token = url.searchParams.get('nextToken');
    const query = token === null ? url.searchParams : new URLSearchParams(Buffer.from(token, 'base64url').toString('utf8'));
    const since = query.get('createdSince') ?? '';
    const matching = (options.scheduled ?? []).map((plan, index) => ({ plan, id: String(90_000 + index) }))
      .filter(({ plan }) => plan.reportType === query.get('reportTypes') && plan.createdTime >= since);
    const offset = Number(query.get('offset') ?? 0);
    const size = options.listPageSize ?? 100;
    const page = matching.slice(offset, offset + size);
    const next = offset + size < matching.length ? Buffer.from(new URLSearchParams({ ...Object.fromEntries(query), offset: String(offset + size) }).toString()).toString('base64url') : undefined;
    json(response, 200, {
      reports: page.map(({ plan, id }) => ({ reportId: id, reportType: plan.reportType, processingStatus: 'DONE', createdTime: plan.createdTime, reportDocumentId: `amzn1.tortuga.doc.${id}` })),
      ...(next ? { nextToken: next } : {}),
    });
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const text = await readBody(request);
      const body = text !== '' && request.headers['content-type']?.includes('json') ? JSON.parse(text) as unknown : undefined;
      requests.push({ method: request.method ?? '', path: url.pathname, body });
      if (url.pathname === '/auth/o2/token' && request.method === 'POST') return token(new URLSearchParams(text), response);
      const fileMatch = /^\/files\/(\d+)$/.exec(url.pathname);
      if (fileMatch) return file(fileMatch[1]!, url, response);
      if (!authorized(request, response)) return;
      if (url.pathname === '/reports/2021-06-30/reports' && request.method === 'POST') return throttled('createReport', response) || createReport((body ?? {}) as never, response);
      if (url.pathname === '/reports/2021-06-30/reports' && request.method === 'GET') return throttled('getReports', response) || listReports(url, response);
      const reportMatch = /^\/reports\/2021-06-30\/reports\/([^/]+)$/.exec(url.pathname);
      if (reportMatch && request.method === 'GET') return throttled('getReport', response) || getReport(decodeURIComponent(reportMatch[1]!), response);
      const documentMatch = /^\/reports\/2021-06-30\/documents\/([^/]+)$/.exec(url.pathname);
      if (documentMatch && request.method === 'GET') return throttled('getReportDocument', response) || getDocument(decodeURIComponent(documentMatch[1]!), response);
      json(response, 404, { errors: [{ code: 'NotFound', message: `No route ${request.method} ${url.pathname}` }] });
    })().catch((error: unknown) => json(response, 500, { errors: [{ code: 'InternalFailure', message: String(error) }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin, requests,
    tokensIssued: () => issued,
    expiredDownloads: () => expired,
    throttle: (operation, count) => { throttles.set(operation, count); },
    advance: (ms) => { clock += ms; },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
