import { AmazonError, amazonReason } from './amazon-error.js';

// Login with Amazon (reference §3.2): a refresh token is traded for an access token that lives an
// hour. One is kept until shortly before it expires and shared by every request of the client;
// callers asking while a refresh is on its way wait for that one instead of starting another.

export interface LwaCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface LwaOptions {
  readonly tokenUrl: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** How long before its expiry a token is replaced (default 60 s: no request leaves with one about to die). */
  readonly marginMs?: number;
}

export class LwaTokenSource {
  private token: { value: string; expiresAtMs: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly credentials: LwaCredentials, private readonly options: LwaOptions) {}

  /** A valid access token, from the cache or freshly asked for. */
  async accessToken(): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (this.token && now < this.token.expiresAtMs) return this.token.value;
    this.pending ??= this.refresh().finally(() => { this.pending = undefined; });
    return this.pending;
  }

  /** Drops the cached token: the API refused it (revoked, or the clock drifted), so the next call asks anew. */
  forget(): void {
    this.token = undefined;
  }

  private async refresh(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token', refresh_token: this.credentials.refreshToken, client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret,
    });
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.options.tokenUrl, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' }, body: form,
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      throw new AmazonError(`Login with Amazon could not be reached: ${(error as Error).message}`, 0, true);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      // 400/401: the client id, secret or refresh token is wrong or revoked; a retry will not help.
      if (response.status === 429 || response.status >= 500) throw new AmazonError(`Login with Amazon answered ${response.status} (${amazonReason(body)}); the next try may pass.`, response.status, true);
      throw new AmazonError(`Login with Amazon refused the credentials (${response.status}, ${amazonReason(body)}): check the client id, client secret and refresh token, or authorize the app again.`, response.status, false, true);
    }
    const { access_token: value, expires_in: expiresIn } = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
    if (typeof value !== 'string' || typeof expiresIn !== 'number') throw new AmazonError('Login with Amazon answered without an access token.', response.status, true);
    const now = (this.options.now ?? Date.now)();
    this.token = { value, expiresAtMs: now + Math.max(0, expiresIn * 1000 - (this.options.marginMs ?? 60_000)) };
    return value;
  }
}
