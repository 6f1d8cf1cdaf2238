/** Exit codes of every command: 0 ok, 1 something failed, 2 the input (a file, an option) was bad. */
export const ExitCode = { ok: 0, failure: 1, badInput: 2 } as const;

/** Commands report their exit code through this option value, read after the action by main.ts. */
export function setExitCode(command: { setOptionValue(key: string, value: unknown): unknown }, code: number): void {
  command.setOptionValue('__exitCode', code);
}

/**
 * The exit code of an import command: 1 when an import failed unexpectedly; 2 when a file was refused
 * or every row of a file was rejected (nothing of it landed); 0 otherwise, bad rows reported or not.
 */
export function exitCodeForImports(outcomes: ReadonlyArray<{ error: { code: string } } | { rows: number; rejected: number }>): number {
  if (outcomes.some((o) => 'error' in o && o.error.code === 'failure')) return ExitCode.failure;
  const nothingLanded = (o: (typeof outcomes)[number]) => ('error' in o ? true : o.rows > 0 && o.rejected === o.rows);
  return outcomes.some(nothingLanded) ? ExitCode.badInput : ExitCode.ok;
}
