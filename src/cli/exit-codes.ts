/** Exit codes of every command: 0 ok, 1 something failed, 2 the input (a file, an option) was bad. */
export const ExitCode = { ok: 0, failure: 1, badInput: 2 } as const;

/** Commands report their exit code through this option value, read after the action by main.ts. */
export function setExitCode(command: { setOptionValue(key: string, value: unknown): unknown }, code: number): void {
  command.setOptionValue('__exitCode', code);
}
