import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { DomainError } from '../domain/errors.js';

// A new password for `returndesk user add|password`: from a file (`-` for standard input: scripts and
// provisioning), or typed twice at a terminal without echo. Never from an argument: the process list
// and the shell history would keep it.

export async function readNewPassword(file: string | undefined): Promise<string> {
  if (file !== undefined) return firstLine(file === '-' ? await readStdin() : await readFile(file, 'utf8'));
  if (!process.stdin.isTTY) throw new DomainError('invalid_input', 'No terminal to type the password in: give --password-file FILE (or - for standard input).', {});
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Again: ');
  if (first !== second) throw new DomainError('invalid_input', 'The two passwords differ.', {});
  return first;
}

/** The first line, without its line end: a file written by `echo` ends in one. */
function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? '';
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks on the terminal with what is typed not shown. */
export function promptHidden(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const echo = (terminal as unknown as { _writeToOutput: (text: string) => void });
  // readline writes every key back to the terminal; write the question only.
  echo._writeToOutput = (text: string) => {
    if (text.startsWith(question)) process.stdout.write(question);
  };
  return new Promise((resolve) => terminal.question(question, (answer) => {
    terminal.close();
    process.stdout.write('\n');
    resolve(answer);
  }));
}
