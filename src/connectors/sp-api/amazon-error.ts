/**
 * A refusal or failure from Amazon. `retryable`: throttling, a server error or the network, which a
 * later try may get past; otherwise the request itself is wrong (credentials, a report type, access).
 * Messages carry Amazon's error code and text, never a credential or a pre-signed address.
 */
export class AmazonError extends Error {
  readonly status: number;
  readonly retryable: boolean;
  /** Login with Amazon refused the client id, secret or refresh token: nothing of the account can be fetched. */
  readonly refusedCredentials: boolean;

  constructor(message: string, status: number, retryable: boolean, refusedCredentials = false) {
    super(message);
    this.name = 'AmazonError';
    this.status = status;
    this.retryable = retryable;
    this.refusedCredentials = refusedCredentials;
  }
}

export function isAmazonError(error: unknown): error is AmazonError {
  return error instanceof AmazonError;
}

/** Amazon's own words from an error body: SP-API's `{errors: [{code, message}]}` or LWA's `{error, error_description}`. */
export function amazonReason(body: unknown): string {
  if (typeof body !== 'object' || body === null) return 'no details';
  const { errors, error, error_description: description } = body as { errors?: { code?: string; message?: string }[]; error?: string; error_description?: string };
  if (Array.isArray(errors) && errors.length > 0) return errors.map((e) => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
  if (typeof error === 'string') return [error, description].filter(Boolean).join(': ');
  return 'no details';
}
