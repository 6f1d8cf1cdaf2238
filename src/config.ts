import { existsSync } from 'node:fs';
import { requireMarketplace } from './domain/marketplaces.js';
import { defaultEvidenceStoreConfig } from './services/evidence-store.js';
import { parseSecretKey } from './services/secret-box.js';

/** Everything ReturnDesk reads from its environment, read once. */
export interface Config {
  /** A SQLite file path or a `postgres://` URL. */
  readonly database: string;
  readonly host: string;
  readonly port: number;
  /** Marketplace assumed for report files that do not name theirs (FBA and MFN returns). */
  readonly marketplace: string;
  readonly logLevel: string;
  /** Where inspection photos and videos are stored, by SHA-256 (docs/evidence.md). */
  readonly evidenceDirectory: string;
  readonly maxPhotoBytes: number;
  readonly maxVideoBytes: number;
  /**
   * The https:// address users reach ReturnDesk at through a TLS reverse proxy; null when it is only
   * used on this machine. Setting it lets `serve` listen beyond loopback and marks the login cookie Secure.
   */
  readonly publicUrl: string | null;
  /** Addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  readonly trustedProxies: readonly string[];
  /** RETURNDESK_SECRET_KEY: the key Amazon credentials are sealed with (services/secret-box.ts); null when unset. */
  readonly secretKey: Buffer | null;
  /**
   * RETURNDESK_SP_API_URL: one origin answering both Login with Amazon and the Selling Partner API (a
   * test double, a recording proxy); null for Amazon's own regional hosts.
   */
  readonly spApiOrigin: string | null;
  /** RETURNDESK_SYNC_HOURS: how often `serve` syncs each connected account from Amazon (default 4; 0: never). */
  readonly syncHours: number;
}

const mebibyte = 1024 * 1024;

/** A size limit given in MiB (decimals allowed), as bytes; `fallbackBytes` when unset. */
function megabytes(env: NodeJS.ProcessEnv, name: string, fallbackBytes: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallbackBytes;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a size in MiB above 0, not "${text}".`);
  return Math.floor(value * mebibyte);
}

/** RETURNDESK_PUBLIC_URL: an https:// origin; plain http would send the login cookie in clear text. */
function publicUrlOf(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`RETURNDESK_PUBLIC_URL must be an address such as https://returns.example.com, not "${text}".`);
  }
  if (url.protocol !== 'https:') throw new Error(`RETURNDESK_PUBLIC_URL must start with https:// (the login cookie must never travel in clear text), not "${text}".`);
  return url.origin;
}

/** RETURNDESK_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges; the proxy on this machine by default. */
function trustedProxiesOf(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return ['127.0.0.1', '::1'];
  const entries = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.find((e) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(e));
  if (bad !== undefined) throw new Error(`RETURNDESK_TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas; "${bad}" is neither.`);
  return entries;
}

function spApiOriginOf(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  try {
    return new URL(text).origin;
  } catch {
    throw new Error(`RETURNDESK_SP_API_URL must be an address such as http://127.0.0.1:9090, not "${text}".`);
  }
}

function syncHoursOf(text: string | undefined): number {
  if (text === undefined || text === '') return 4;
  const hours = Number(text);
  if (!Number.isFinite(hours) || hours < 0 || hours > 24 * 7) throw new Error(`RETURNDESK_SYNC_HOURS must be hours between 0 (never) and 168, not "${text}".`);
  return hours;
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
    evidenceDirectory: env.RETURNDESK_EVIDENCE_DIR || defaultEvidenceStoreConfig.directory,
    maxPhotoBytes: megabytes(env, 'RETURNDESK_EVIDENCE_MAX_PHOTO_MB', defaultEvidenceStoreConfig.maxPhotoBytes),
    maxVideoBytes: megabytes(env, 'RETURNDESK_EVIDENCE_MAX_VIDEO_MB', defaultEvidenceStoreConfig.maxVideoBytes),
    publicUrl: publicUrlOf(env.RETURNDESK_PUBLIC_URL),
    trustedProxies: Object.freeze(trustedProxiesOf(env.RETURNDESK_TRUSTED_PROXIES)),
    secretKey: env.RETURNDESK_SECRET_KEY ? parseSecretKey(env.RETURNDESK_SECRET_KEY) : null,
    spApiOrigin: spApiOriginOf(env.RETURNDESK_SP_API_URL),
    syncHours: syncHoursOf(env.RETURNDESK_SYNC_HOURS),
  });
}
