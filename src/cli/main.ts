import { Command, CommanderError } from 'commander';
import { isDomainError } from '../domain/errors.js';
import { loadConfig } from '../config.js';
import { registerServe } from './commands/serve.js';
import { registerDb } from './commands/db.js';
import { registerImport } from './commands/import.js';
import { registerDemo } from './commands/demo.js';
import { registerReturns } from './commands/returns.js';
import { registerImports } from './commands/imports.js';
import { registerPolicy } from './commands/policy.js';
import { registerDecide } from './commands/decide.js';
import { registerBacktest } from './commands/backtest.js';
import { registerWarehouse } from './commands/warehouse.js';
import { registerRefunds } from './commands/refunds.js';
import { registerClaims } from './commands/claims.js';
import { registerReport } from './commands/report.js';
import { registerFixes } from './commands/fixes.js';
import { registerUsers } from './commands/users.js';
import { registerAccounts } from './commands/accounts.js';
import { registerAmazon } from './commands/amazon.js';
import { ExitCode } from './exit-codes.js';

/** Builds the `returndesk` program. Commands return their exit code: 0 ok, 1 failure, 2 bad input. */
export function buildProgram(): Command {
  const config = loadConfig();
  const program = new Command('returndesk')
    .description('ReturnDesk: a self-hosted returns desk for Amazon sellers')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerServe(program, config);
  registerDb(program, config);
  registerImport(program, config);
  registerDemo(program, config);
  registerReturns(program, config);
  registerImports(program, config);
  registerPolicy(program, config);
  registerDecide(program, config);
  registerBacktest(program, config);
  registerWarehouse(program, config);
  registerRefunds(program, config);
  registerClaims(program, config);
  registerReport(program, config);
  registerFixes(program, config);
  registerUsers(program, config);
  registerAccounts(program, config);
  registerAmazon(program, config);
  return program;
}

/** Runs the CLI and returns the process exit code (never calls process.exit itself). */
export async function runCli(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  try {
    const program = buildProgram();
    program.hook('postAction', (_root, action) => {
      exitCode = Number(action.getOptionValue('__exitCode') ?? ExitCode.ok);
    });
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message (or the help/version, which exit 0).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
  }
  if (isDomainError(error)) {
    console.error(`returndesk: ${error.message}`);
    const badInput: string[] = ['invalid_input', 'unreadable_file', 'not_found', 'too_large'];
    return badInput.includes(error.code) ? ExitCode.badInput : ExitCode.failure;
  }
  console.error(`returndesk: ${error instanceof Error ? error.message : String(error)}`);
  return ExitCode.failure;
}
