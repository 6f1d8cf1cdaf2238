import { AmazonError, amazonReason } from './amazon-error.js';
import type { SpApiEndpoints, SpApiRegion } from './endpoints.js';
import { LwaTokenSource } from './lwa-tokens.js';
import type { LwaCredentials } from './lwa-tokens.js';
import { usagePlans } from './operation-limits.js';
import type { ReportOperation } from './operation-limits.js';
import { RateLimiter } from './rate-limiter.js';

// A thin Selling Partner API client, written here rather than taken from amazon-sp-api: that package
// hard-codes port 443 in its request code (guide/stack.md), so it cannot be pointed at the fake
// server the tests start on 127.0.0.1, and the Reports flow needs only three calls.
// Every request waits for its operation's rate limit, sends the LWA access token, and retries what a
// retry can fix: 429 (after the pause Amazon's rate header implies), 5xx and network errors, with
// exponential backoff; a 403 once more with a fresh token. The rest is an AmazonError with Amazon's words.

export interface SpApiClientOptions {
  readonly region: SpApiRegion;
  readonly endpoints: SpApiEndpoints;
  readonly credentials: LwaCredentials;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Tries per request before giving up on a retryable failure (default 6). */
  readonly attempts?: number;
  /** The first backoff; each next one doubles (default 1 s). */
  readonly backoffMs?: number;
}

export interface SpApiRequest {
  readonly operation: ReportOperation;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** An answer that does not come in this long is a network failure, retried like one. */
const requestTimeoutMs = 60_000;

export class SpApiClient {
  readonly tokens: LwaTokenSource;
  private readonly limiter: RateLimiter<ReportOperation>;

  constructor(private readonly options: SpApiClientOptions) {
    this.tokens = new LwaTokenSource(options.credentials, { tokenUrl: options.endpoints.lwaTokenUrl, fetch: options.fetch, now: options.now });
    this.limiter = new RateLimiter(usagePlans, options.now);
  }

  get sleep(): (ms: number) => Promise<void> {
    return this.options.sleep ?? realSleep;
  }

  /** Sends one request, retrying what may pass later; answers the JSON body. */
  async request<T>(request: SpApiRequest): Promise<T> {
    const attempts = this.options.attempts ?? 6;
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      await this.sleep(this.limiter.wait(request.operation));
      const outcome = await this.send(request);
      if (outcome.ok) return outcome.body as T;
      const { response, body, error } = outcome;
      if (response?.status === 403 && !refreshed) {
        // An access token revoked or expired early: one more try with a new one.
        refreshed = true;
        this.tokens.forget();
        continue;
      }
      const failure = error ?? new AmazonError(`${request.operation} was refused (${response!.status}, ${amazonReason(body)}).`, response!.status, response!.status === 429 || response!.status >= 500);
      if (!failure.retryable || attempt >= attempts) throw failure;
      const backoff = (this.options.backoffMs ?? 1000) * 2 ** (attempt - 1);
      if (response?.status === 429) this.limiter.pause(request.operation, Math.max(backoff, throttlePauseMs(response)));
      else await this.sleep(backoff);
    }
  }

  private async send(request: SpApiRequest): Promise<{ ok: true; body: unknown } | { ok: false; response?: Response; body?: unknown; error?: AmazonError }> {
    let token: string;
    try {
      token = await this.tokens.accessToken();
    } catch (error) {
      if (error instanceof AmazonError) return { ok: false, error };
      throw error;
    }
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(`${this.options.endpoints.apiBaseUrl(this.options.region)}${request.path}`, {
        method: request.method, signal: AbortSignal.timeout(requestTimeoutMs),
        headers: { 'x-amz-access-token': token, accept: 'application/json', 'user-agent': 'ReturnDesk/0.1 (Language=TypeScript)', ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
    } catch (error) {
      return { ok: false, error: new AmazonError(`The Selling Partner API could not be reached for ${request.operation}: ${(error as Error).message}`, 0, true) };
    }
    const body: unknown = await response.json().catch(() => undefined);
    return response.ok ? { ok: true, body } : { ok: false, response, body };
  }
}

/** One request's worth of the rate Amazon says applies (`x-amzn-RateLimit-Limit`, requests per second). */
function throttlePauseMs(response: Response): number {
  const limit = Number(response.headers.get('x-amzn-ratelimit-limit'));
  return Number.isFinite(limit) && limit > 0 ? Math.ceil(1000 / limit) : 0;
}
