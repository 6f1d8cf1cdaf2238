import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { DomainError } from '../../domain/errors.js';
import { reportTypes } from '../../domain/report-records.js';
import type { ReportType } from '../../domain/report-records.js';
import { connectAmazon, disconnectAmazon } from '../../services/amazon-connection.js';
import { amazonEndpointsOf, amazonSyncStatusOf, syncAccount, syncedReports } from '../../services/amazon-sync.js';
import type { SyncEvent } from '../../services/amazon-sync.js';
import { newSecretKey, secretBox } from '../../services/secret-box.js';
import { parseAccountId, parseAt } from '../arguments.js';
import { cliActor } from '../cli-actor.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { ExitCode, setExitCode } from '../exit-codes.js';
import { readSecrets } from '../secret-input.js';

// Connecting a seller account to Amazon's Selling Partner API and pulling its reports
// (docs/amazon-connection.md). The client secret and refresh token are never taken as arguments: the
// process list and the shell history would keep them.

const syncedTypes = syncedReports.map((r) => r.type);

function parseReports(values: readonly string[] | undefined): ReportType[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',')).map((value) => {
    const type = value.trim() as ReportType;
    if (!syncedTypes.includes(type)) {
      const known = (reportTypes as readonly string[]).includes(type) ? ` (${type} is not fetched from Amazon)` : '';
      throw new DomainError('invalid_input', `--report must be one of ${syncedTypes.join(', ')}, not "${value}"${known}.`, { report: value });
    }
    return type;
  });
}

/** `--since`: a day (its midnight, UTC) or an instant. */
function sinceOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return parseAt(/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00:00Z` : text);
}

const eventLine = (e: SyncEvent) => `${e.reportType} ${e.marketplace} ${e.from.slice(0, 10)}..${e.to.slice(0, 10)}: ${e.outcome}`
  + `${e.rows === undefined ? '' : `, ${e.rows} rows (import run ${e.importRunId})`}${e.message ? ` (${e.message})` : ''}`;

export function registerAmazon(program: Command, config: Config): void {
  program.command('secret-key')
    .description('Print a new random RETURNDESK_SECRET_KEY, the key Amazon credentials are stored encrypted with')
    .action(() => {
      // Printed, never written anywhere: where it is kept (.env, a secrets manager) is the operator's choice.
      console.log(newSecretKey());
    });

  const amazon = program.command('amazon').description('The seller account\'s Selling Partner API connection');
  amazon.command('connect')
    .description('Connect a seller account: the LWA client id and the marketplaces here; the client secret and refresh token typed (hidden) or from --secrets-file')
    .requiredOption('--client-id <id>', 'the LWA client id (amzn1.application-oa2-client.…)')
    .requiredOption('--marketplaces <codes>', 'marketplace codes of one region, comma-separated (US,CA,MX)')
    .option('--secrets-file <file>', 'a JSON file {"clientSecret": "…", "refreshToken": "Atzr|…"} (- for standard input)')
    .option('--account <id>', 'seller account id', '1')
    .addOption(databaseOption(config))
    .action(async (options: { clientId: string; marketplaces: string; secretsFile?: string; account: string; database: string }) => {
      const accountId = parseAccountId(options.account);
      const secrets = await readSecrets(options.secretsFile);
      const input = { clientId: options.clientId, ...secrets, marketplaces: options.marketplaces.split(',') };
      const connected = await withDatabase(options.database, (database) => connectAmazon(database, accountId, input, secretBox(config.secretKey), new Date().toISOString(), cliActor()));
      console.log(`Seller account ${accountId} is connected to Amazon (${connected.region}: ${connected.marketplaces.join(', ')}). Pull its reports now with: returndesk sync --account ${accountId}`);
    });

  amazon.command('status')
    .description('The connection (never its secrets) and how far each report was synced')
    .option('--account <id>', 'seller account id', '1')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (options: { account: string; json?: boolean; database: string }) => {
      const accountId = parseAccountId(options.account);
      const status = await withDatabase(options.database, (database) => amazonSyncStatusOf(database, accountId));
      if (options.json) return console.log(JSON.stringify(status));
      if (status.connection === null) return console.log(`Seller account ${accountId} is not connected to Amazon.`);
      console.log(`Connected (${status.connection.region}: ${status.connection.marketplaces.join(', ')}), client ${status.connection.clientId}, since ${status.connection.connectedAt}.`);
      for (const s of status.reports) console.log(`${s.reportType} ${s.marketplace}: fetched through ${s.fetchedThrough ?? 'nothing yet'}; last run ${s.lastRunAt ?? 'never'} ${s.lastOutcome ?? ''}${s.lastError ? ` (${s.lastError})` : ''}`);
    });

  amazon.command('disconnect')
    .description('Forget the seller account\'s Amazon credentials')
    .option('--account <id>', 'seller account id', '1')
    .addOption(databaseOption(config))
    .action(async (options: { account: string; database: string }) => {
      const accountId = parseAccountId(options.account);
      const removed = await withDatabase(options.database, (database) => disconnectAmazon(database, accountId, new Date().toISOString(), cliActor()));
      console.log(removed ? `Seller account ${accountId}'s Amazon credentials are forgotten.` : `Seller account ${accountId} was not connected to Amazon.`);
    });

  program.command('sync')
    .description('Pull the seller account\'s reports from Amazon now, from where the last sync ended')
    .option('--account <id>', 'seller account id', '1')
    .option('--report <types...>', `only these: ${syncedTypes.join(', ')}`)
    .option('--since <instant>', 'fetch from this ISO-8601 day or instant instead of where the last sync ended')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (options: { account: string; report?: string[]; since?: string; json?: boolean; database: string }, command: Command) => {
      const accountId = parseAccountId(options.account);
      const result = await withDatabase(options.database, (database) => syncAccount(database, accountId, {
        box: secretBox(config.secretKey), endpoints: amazonEndpointsOf(config.spApiOrigin), scratchDirectory: tmpdir(), now: () => new Date().toISOString(),
        reportTypes: parseReports(options.report), since: sinceOf(options.since), actor: cliActor(),
        onProgress: options.json ? undefined : (event) => { if (event.outcome === 'requesting') console.error(`${eventLine(event)}…`); },
      }));
      if (options.json) console.log(JSON.stringify(result));
      else if (!result.ran) console.log(`Another process is syncing seller account ${accountId} now; nothing was fetched.`);
      else for (const event of result.windows) console.log(eventLine(event));
      if (result.windows.some((w) => w.outcome === 'failed' || w.outcome === 'fatal')) setExitCode(command, ExitCode.failure);
    });
}
