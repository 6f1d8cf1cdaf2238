import { DomainError } from '../domain/errors.js';
import { parseInstant, formatInstant } from '../domain/deadlines/instant.js';

/** A case id typed on the command line, or `invalid_input`. */
export function parseCaseId(text: string): number {
  const caseId = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(caseId) || caseId < 1) {
    throw new DomainError('invalid_input', `"${text}" is not a case id (a whole number).`, { id: text });
  }
  return caseId;
}

/** `--at`: the instant to decide as of (ISO-8601 with a zone), default now; normalized to UTC. */
export function parseAt(text: string | undefined): string {
  if (text === undefined) return new Date().toISOString();
  return formatInstant(parseInstant(text));
}
