import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../services/open-database.js';
import type { Database } from '../services/open-database.js';
import { appPolicy } from './security-headers.js';
import { buildServer } from './server.js';

// The built web app served beside the API (docs/web.md): a small stand-in for web/dist, so these
// tests do not depend on a Vite build.

const apiPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";
const html = { accept: 'text/html,application/xhtml+xml' };

function writeFakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ReturnDesk test build</title><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'export const built = true;');
  writeFileSync(join(dir, 'assets', 'app-1a2b.css'), 'body { margin: 0 }');
  return dir;
}

describe('the web app served beside the API', () => {
  let database: Database;
  let app: FastifyInstance;
  let dist: string;
  beforeAll(async () => {
    ({ database } = await openDatabase(':memory:'));
    dist = writeFakeBuild();
    app = await buildServer({ database, logLevel: 'silent', webDirectory: dist, checkResponses: true });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / with the app\'s CSP and no long cache', async () => {
    const response = await app.inject({ method: 'GET', url: '/', headers: html });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('ReturnDesk test build');
    expect(response.headers['content-security-policy']).toBe(appPolicy);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('serves a built asset with its content type, cached for good (its name holds its hash)', async () => {
    const script = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const style = await app.inject({ method: 'GET', url: '/assets/app-1a2b.css' });
    expect(style.headers['content-type']).toMatch(/^text\/css/);
  });

  it('answers the app\'s own paths with index.html when a browser navigates to them', async () => {
    for (const url of ['/queue', '/queue?sku=KT-BOTTLE-750', '/cases/12', '/settings/users']) {
      const response = await app.inject({ method: 'GET', url, headers: html });
      expect([url, response.statusCode, response.body.includes('ReturnDesk test build')]).toEqual([url, 200, true]);
      expect(response.headers['content-security-policy']).toBe(appPolicy);
    }
  });

  it('answers 404 for a missing file that is not a page, and never a file outside the build', async () => {
    const missing = await app.inject({ method: 'GET', url: '/assets/gone-0000.js', headers: { accept: '*/*' } });
    expect(missing.statusCode).toBe(404);
    for (const url of ['/../package.json', '/..%2F..%2Fpackage.json', '/assets/..%2F..%2F..%2Fpackage.json', '/%E0%A4%A']) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: '*/*' } });
      // A path that is not even valid UTF-8 is refused by Fastify itself (400).
      expect([url, response.statusCode >= 400 && response.statusCode < 500]).toEqual([url, true]);
      expect(response.body).not.toContain('"name": "returndesk"');
    }
  });

  it('leaves the API as it was: its 404s stay JSON, with the sandbox CSP', async () => {
    for (const url of ['/api/no-such-route', '/api/accounts/1/no-such-thing', '/api']) {
      const response = await app.inject({ method: 'GET', url, headers: html });
      expect([url, response.statusCode, response.json().error.code]).toEqual([url, 404, 'not_found']);
      expect(response.headers['content-security-policy']).toBe(apiPolicy);
    }
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-security-policy']).toBe(apiPolicy);
    const anonymous = await app.inject({ method: 'GET', url: '/api/accounts/1/queue', headers: html });
    expect(anonymous.statusCode).toBe(401);
  });

  it('writes nothing through the app\'s paths: only GET and HEAD are served', async () => {
    const response = await app.inject({ method: 'POST', url: '/queue', headers: html, payload: {} });
    expect(response.statusCode).toBe(404);
  });
});

describe('a server whose web app is not built', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ database } = await openDatabase(':memory:'));
    app = await buildServer({ database, logLevel: 'silent', webDirectory: join(tmpdir(), 'returndesk-no-such-build') });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('still starts, and its / says how to build the app', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('npm run build:web');
    expect(response.headers['content-security-policy']).toBe(appPolicy);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/assets/app.js', headers: { accept: '*/*' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/nothing', headers: html })).json().error.code).toBe('not_found');
  });
});
