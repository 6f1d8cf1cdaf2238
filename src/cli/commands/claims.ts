import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { claimStatuses } from '../../domain/claims/claim.js';
import { DomainError } from '../../domain/errors.js';
import { formatAmount } from '../../domain/money.js';
import { defaultAccountId } from '../../services/accounts.js';
import { listAccountClaims, parseClaimStatus, recordClaim, showClaim, writeClaimPacketFor } from '../../services/claims.js';
import type { ClaimRecordRequest, StoredClaim } from '../../services/claims.js';
import { reconcileClaims } from '../../services/reconcile-claims.js';
import { parseAt, parseClaimId } from '../arguments.js';
import { cliActor } from '../cli-actor.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { evidenceDirOption, evidenceStoreOf } from '../inspection-options.js';

const money = (minor: number | null, currency: string) => (minor === null ? '-' : formatAmount(minor, currency, 'en-US'));

function claimLine(claim: StoredClaim): string {
  return [claim.id, claim.status, claim.kind, claim.marketplaceCode, claim.orderId, claim.sku, claim.units, money(claim.owedMinor, claim.currency),
    claim.window ? `${claim.window.opensAt.slice(0, 10)}..${claim.window.closesAt.slice(0, 10)}` : 'no window'].join('\t');
}

function recordRequestOf(options: { filed?: boolean; won?: string; lost?: boolean }): ClaimRecordRequest {
  const given = [options.filed, options.won !== undefined, options.lost].filter(Boolean).length;
  if (given !== 1) throw new DomainError('invalid_input', 'Give exactly one of --filed, --won AMOUNT or --lost.', {});
  if (options.won !== undefined) return { kind: 'won', amount: options.won };
  return options.filed ? { kind: 'filed' } : { kind: 'lost' };
}

/** `returndesk claims reconcile|list|show|packet|record`: what Amazon owes on returns (docs/claims.md). */
export function registerClaims(program: Command, config: Config): void {
  const claims = program.command('claims').description('Money Amazon owes on returns: SAFE-T claims and FBA reimbursements');

  claims.command('reconcile').description('Find every claim the imported reports support; run after each import')
    .option('--at <instant>', 'as of this ISO-8601 instant instead of now (windows open and close by it)')
    .option('--json', 'print one JSON document').addOption(databaseOption(config))
    .action(async (options: { at?: string; json?: boolean; database: string }) => {
      const summary = await withDatabase(options.database, (database) => reconcileClaims(database, defaultAccountId, parseAt(options.at), { actor: cliActor() }));
      if (options.json) return console.log(JSON.stringify(summary));
      console.log(`${summary.ordersRead} orders read: ${summary.found} claims found (${summary.newClaims} new), ${summary.removed} settled by the data, ${summary.expired} expired.`);
      for (const p of summary.problems) console.log(`! ${p.marketplaceCode} order ${p.orderId}: ${p.problem}`);
    });

  claims.command('list').description('Claims, the soonest window to close first, with totals per month')
    .option('--status <status>', `only this status: ${claimStatuses.join(', ')}`)
    .option('--json', 'print one JSON document').addOption(databaseOption(config))
    .action(async (options: { status?: string; json?: boolean; database: string }) => {
      const status = options.status === undefined ? undefined : parseClaimStatus(options.status);
      const result = await withDatabase(options.database, (database) => listAccountClaims(database, defaultAccountId, status));
      if (options.json) return console.log(JSON.stringify(result));
      for (const claim of result.claims) console.log(claimLine(claim));
      console.log('\nmonth\tcurrency\towed\tfiled\trecovered\texpired');
      for (const t of result.totals) console.log([t.month, t.currency, money(t.owedMinor, t.currency), money(t.filedMinor, t.currency), money(t.recoveredMinor, t.currency), money(t.expiredMinor, t.currency)].join('\t'));
    });

  claims.command('show').description('One claim: the amount and how it was computed, the proof rows, the window, the claim text and its history')
    .argument('<id>', 'the claim id').option('--json', 'print one JSON document').addOption(databaseOption(config))
    .action(async (id: string, options: { json?: boolean; database: string }) => {
      const result = await withDatabase(options.database, (database) => showClaim(database, defaultAccountId, parseClaimId(id), parseAt(undefined)));
      const { text } = result;
      if (options.json) return console.log(JSON.stringify(result));
      console.log(claimLine(result.claim));
      console.log(result.claim.computation);
      for (const row of result.claim.proof) console.log(`  ${row.file ?? row.source}${row.line === null ? '' : `:${row.line}`}  ${row.summary}`);
      for (const event of result.events) console.log(`${event.recorded_at} ${event.kind}${event.amount_minor === null ? '' : ` ${money(event.amount_minor, result.claim.currency)}`}${event.note ? `: ${event.note}` : ''}`);
      console.log(`\nSubject: ${text.subject}\n\n${text.body}`);
    });

  claims.command('packet').description('Write the evidence packet (one ZIP) for a claim')
    .argument('<id>', 'the claim id').requiredOption('--out <file>', 'the ZIP file to write')
    .option('--json', 'print one JSON document').addOption(evidenceDirOption(config)).addOption(databaseOption(config))
    .action(async (id: string, options: { out: string; json?: boolean; evidenceDir: string; database: string }) => {
      const store = evidenceStoreOf(config, options.evidenceDir);
      const packet = await withDatabase(options.database, (database) => writeClaimPacketFor(database, defaultAccountId, parseClaimId(id), options.out, store, parseAt(undefined)));
      if (options.json) return console.log(JSON.stringify(packet));
      console.log(`Claim ${packet.claimId}: ${packet.files.length} files, ${packet.sizeBytes} bytes written to ${packet.path}`);
    });

  claims.command('record').description('Record that a claim was filed, won (with the amount Amazon paid) or lost')
    .argument('<id>', 'the claim id')
    .option('--filed', 'the claim was filed').option('--won <amount>', 'Amazon paid this amount, e.g. 24.99').option('--lost', 'Amazon refused it')
    .option('--by <name>', 'who recorded it').option('--note <text>', 'anything worth keeping')
    .option('--json', 'print one JSON document').addOption(databaseOption(config))
    .action(async (id: string, options: { filed?: boolean; won?: string; lost?: boolean; by?: string; note?: string; json?: boolean; database: string }) => {
      const request = recordRequestOf(options);
      const claim = await withDatabase(options.database, (database) => recordClaim(database, defaultAccountId, parseClaimId(id), request, parseAt(undefined), options.by ?? null, options.note ?? null, cliActor()));
      if (options.json) return console.log(JSON.stringify(claim));
      console.log(`Claim ${claim.id}: ${claim.status}${claim.recoveredMinor === null ? '' : `, recovered ${money(claim.recoveredMinor, claim.currency)} of ${money(claim.owedMinor, claim.currency)}`}`);
    });
}
