import { readNdjson } from './ndjson.js';

// The one way the app talks to the server: same-origin fetches that send the login cookie, the CSRF
// token on writes, and turn any failure into an ApiError the pages can show.

/** The server's one error body (src/http/errors.ts). */
interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/** A refused or failed request: `code` is the API's (`not_found`, `invalid_input`…), or `network` / `unexpected`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

// The login answers a CSRF token that every write of the session must send back as x-csrf-token
// (docs/security.md#sessions). The cookie is HttpOnly, so the token is kept here, per browser, until
// logout; another site cannot read this origin's storage.
const csrfKey = 'returndesk.csrf';

export function rememberCsrfToken(token: string | null): void {
  if (token === null) localStorage.removeItem(csrfKey);
  else localStorage.setItem(csrfKey, token);
}

export type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, such as a case change's `If-Match`. */
  headers?: Record<string, string>;
}

/** `path` with the query's defined values, in their given order. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const form = options.body instanceof FormData;
  // A FormData body goes as multipart: the browser writes its content type with the boundary.
  if (options.body !== undefined && !form) headers['content-type'] = 'application/json';
  const csrf = localStorage.getItem(csrfKey);
  if (method !== 'GET' && csrf !== null) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method, headers, credentials: 'same-origin', signal: options.signal,
      ...(options.body === undefined ? {} : { body: form ? (options.body as FormData) : JSON.stringify(options.body) }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  throw toApiError(response.status, body);
}

/**
 * A write answered as NDJSON events (`Accept: application/x-ndjson`): `onEvent` gets each line's value
 * as it arrives. A `FormData` body goes as multipart (the browser writes its boundary), anything else
 * as JSON. A refusal before the stream starts (403, 404…) throws an ApiError like `apiRequest`.
 */
export async function apiEvents(path: string, body: FormData | object, onEvent: (event: unknown) => void, signal?: AbortSignal): Promise<void> {
  const headers: Record<string, string> = { accept: 'application/x-ndjson' };
  if (!(body instanceof FormData)) headers['content-type'] = 'application/json';
  const csrf = localStorage.getItem(csrfKey);
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', signal, body: body instanceof FormData ? body : JSON.stringify(body) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (!response.ok || response.body === null) throw toApiError(response.status, await response.json().catch(() => undefined));
  try {
    await readNdjson(response.body, onEvent);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The answer broke off, or a line of it could not be read, before the server finished.');
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message, body.error.details);
  return new ApiError(status, 'unexpected', `The server answered ${status} without an explanation.`);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
