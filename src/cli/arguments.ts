import { DomainError } from '../domain/errors.js';
import { parseInstant, formatInstant } from '../domain/deadlines/instant.js';
import { defaultAccountId } from '../services/accounts.js';

/** An id typed on the command line (`what`: "case", "claim"), or `invalid_input`. */
function parseId(text: string, what: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(id) || id < 1) {
    throw new DomainError('invalid_input', `"${text}" is not a ${what} id (a whole number).`, { id: text });
  }
  return id;
}

/** A case id typed on the command line, or `invalid_input`. */
export function parseCaseId(text: string): number {
  return parseId(text, 'case');
}

/** A claim id typed on the command line, or `invalid_input`. */
export function parseClaimId(text: string): number {
  return parseId(text, 'claim');
}

/** `--at`: the instant to decide as of (ISO-8601 with a zone), default now; normalized to UTC. */
export function parseAt(text: string | undefined): string {
  if (text === undefined) return new Date().toISOString();
  return formatInstant(parseInstant(text));
}

/** `--account ID`: a seller account id; the default account when absent. */
export function parseAccountId(text: string | undefined): number {
  if (text === undefined) return defaultAccountId;
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) throw new DomainError('invalid_input', `--account must be a seller account id (1, 2…), not "${text}".`, { account: text });
  return id;
}

