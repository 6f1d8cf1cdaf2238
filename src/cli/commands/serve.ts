import { isIPv4, isIPv6 } from 'node:net';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { DomainError } from '../../domain/errors.js';
import { databaseOption, describeDatabase } from '../database-option.js';
import { openDatabase } from '../../services/open-database.js';
import { newSetupCode } from '../../services/first-owner.js';
import { hasUsers } from '../../services/users.js';
import { evidenceStoreOf } from '../inspection-options.js';

export function registerServe(program: Command, config: Config): void {
  program.command('serve')
    .description('Run the ReturnDesk HTTP server (migrates the database first)')
    .addOption(databaseOption(config))
    .option('--host <host>', 'address to listen on', config.host)
    .option('--port <port>', 'port to listen on', String(config.port))
    .action(async (options: { database: string; host: string; port: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DomainError('invalid_input', `--port must be a port number (0-65535), not "${options.port}".`);
      refuseRemoteHost(options.host, config.publicUrl);
      // Loaded here so the other commands do not pay for Fastify at start-up.
      const { buildServer } = await import('../../http/server.js');
      const { database } = await openDatabase(options.database);
      // Only an instance nobody can log in to gets a setup code, printed on standard output, never through the request log.
      const setupCode = (await hasUsers(database)) ? undefined : newSetupCode();
      const app = await buildServer({
        database, logLevel: config.logLevel, evidence: evidenceStoreOf(config, config.evidenceDirectory),
        secureCookies: config.publicUrl !== null, trustProxy: config.trustedProxies, defaultMarketplace: config.marketplace, setupCode,
        secretKey: config.secretKey, spApiOrigin: config.spApiOrigin, syncHours: config.syncHours,
      });
      const close = async () => {
        process.off('SIGINT', close);
        process.off('SIGTERM', close);
        await app.close();
        await database.close();
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      const address = await app.listen({ host: options.host, port });
      const reached = config.publicUrl === null ? '' : ` (users reach it at ${config.publicUrl} through the HTTPS proxy)`;
      console.log(`ReturnDesk is running at ${address}${reached} on ${describeDatabase(options.database)}. Press Ctrl+C to stop.`);
      if (setupCode !== undefined) {
        console.log(`No users yet, and there is no default password. Create the owner on the first-run page at ${config.publicUrl ?? address}/ with the setup code ${setupCode}`);
        console.log(`or here: returndesk user add NAME --role owner --database ${options.database}`);
      }
      await new Promise<void>((resolve) => app.server.once('close', resolve));
    });
}


/**
 * The session cookie is only safe over HTTPS, which ReturnDesk does not serve itself: it listens beyond
 * this machine only when RETURNDESK_PUBLIC_URL says users reach it through an HTTPS reverse proxy
 * (docs/operations.md#serving-a-team).
 */
function refuseRemoteHost(host: string, publicUrl: string | null): void {
  const loopback = host === 'localhost' || (isIPv4(host) && host.startsWith('127.')) || (isIPv6(host) && isLoopbackV6(host));
  if (loopback || publicUrl !== null) return;
  throw new DomainError('invalid_input',
    `ReturnDesk listens on "${host}" only behind an HTTPS reverse proxy: its login cookie must never travel in clear text. ` +
    'Set RETURNDESK_PUBLIC_URL=https://… (and RETURNDESK_TRUSTED_PROXIES) as docs/operations.md#serving-a-team shows, or use an SSH tunnel.');
}

function isLoopbackV6(host: string): boolean {
  return host === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(host);
}
