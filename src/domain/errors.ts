/** Machine-readable error codes; the HTTP edge maps each to one status, the CLI to an exit code. */
export const errorCodes = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'unauthenticated', 'illegal_transition', 'unreadable_file', 'too_large'] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** An error a user can cause: says what was wrong and what to do about it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
