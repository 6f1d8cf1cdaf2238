import { existsSync } from 'node:fs';
import { requireMarketplace } from './domain/marketplaces.js';

/** Everything ReturnDesk reads from its environment, read once. */
export interface Config {
  /** A SQLite file path or a `postgres://` URL. */
  readonly database: string;
  readonly host: string;
  readonly port: number;
  /** Marketplace assumed for report files that do not name theirs (FBA and MFN returns). */
  readonly marketplace: string;
  readonly logLevel: string;
}

/**
 * The only reader of process.env. A `.env` file in the working directory is loaded first when present
 * (variables already set win). Invalid values fail here, at start, with the variable's name.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const port = Number(env.RETURNDESK_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`RETURNDESK_PORT must be a port number (0-65535), not "${env.RETURNDESK_PORT}".`);
  }
  return Object.freeze({
    database: env.RETURNDESK_DATABASE || './data/returndesk.sqlite',
    host: env.RETURNDESK_HOST || '127.0.0.1',
    port,
    marketplace: requireMarketplace(env.RETURNDESK_MARKETPLACE || 'US').code,
    logLevel: env.RETURNDESK_LOG_LEVEL || 'info',
  });
}
