import { readFile } from 'node:fs/promises';
import { DomainError } from '../domain/errors.js';
import { promptHidden, readStdin } from './password-input.js';

// The LWA client secret and refresh token for `returndesk amazon connect`: from a JSON file (`-` for
// standard input: provisioning scripts), or typed at a terminal without echo. Never from an argument.

export interface LwaSecrets {
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export async function readSecrets(file: string | undefined): Promise<LwaSecrets> {
  if (file !== undefined) return secretsOf(file === '-' ? await readStdin() : await readFile(file, 'utf8'), file);
  if (!process.stdin.isTTY) throw new DomainError('invalid_input', 'No terminal to type the secrets in: give --secrets-file FILE (or - for standard input) holding {"clientSecret": "…", "refreshToken": "Atzr|…"}.', {});
  return { clientSecret: await promptHidden('LWA client secret: '), refreshToken: await promptHidden('Refresh token (Atzr|…): ') };
}

function secretsOf(text: string, file: string): LwaSecrets {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The text itself is never repeated: it holds the secrets.
    throw new DomainError('invalid_input', `${file === '-' ? 'Standard input' : file} is not JSON: write {"clientSecret": "…", "refreshToken": "Atzr|…"}.`, {});
  }
  const { clientSecret, refreshToken } = (value ?? {}) as { clientSecret?: unknown; refreshToken?: unknown };
  if (typeof clientSecret !== 'string' || typeof refreshToken !== 'string') {
    throw new DomainError('invalid_input', `${file === '-' ? 'Standard input' : file} needs both "clientSecret" and "refreshToken" as text.`, {});
  }
  return { clientSecret, refreshToken };
}
