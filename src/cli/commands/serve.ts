import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { databaseOption, describeDatabase } from '../database-option.js';
import { openDatabase } from '../../services/open-database.js';

export function registerServe(program: Command, config: Config): void {
  program.command('serve')
    .description('Run the ReturnDesk HTTP server (migrates the database first)')
    .addOption(databaseOption(config))
    .option('--host <host>', 'address to listen on', config.host)
    .option('--port <port>', 'port to listen on', String(config.port))
    .action(async (options: { database: string; host: string; port: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${options.port}".`);
      // Loaded here so the other commands do not pay for Fastify at start-up.
      const { buildServer } = await import('../../http/server.js');
      const { database } = await openDatabase(options.database);
      const app = buildServer({ database, logLevel: config.logLevel });
      const close = async () => {
        await app.close();
        await database.close();
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      const address = await app.listen({ host: options.host, port });
      console.log(`ReturnDesk is running at ${address} on ${describeDatabase(options.database)}. Press Ctrl+C to stop.`);
      await new Promise<void>((resolve) => app.server.once('close', resolve));
    });
}
