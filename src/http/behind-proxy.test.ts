import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ensureOwner, ownerPassword } from '../../test/api-access.js';
import { testDatabases } from '../../test/databases.js';
import { buildServer } from './server.js';

// Behind an HTTPS reverse proxy (docs/operations.md#serving-a-team): the cookie is Secure although the
// proxy speaks plain HTTP to ReturnDesk, and the login limit counts the user's address, not the proxy's.

const target = testDatabases[0]!;

describe('a server behind an HTTPS reverse proxy', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    const opened = await target.open();
    dispose = opened.dispose;
    app = await buildServer({ database: opened.database, logLevel: 'silent', checkResponses: true, secureCookies: true, trustProxy: ['127.0.0.1'] });
    await ensureOwner(opened.database);
  });
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  const login = (password: string, forwardedFor: string) => app.inject({
    method: 'POST', url: '/api/auth/login', payload: { username: 'owner', password }, headers: { 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'https' },
  });

  it('marks the session cookie Secure although the proxy speaks plain HTTP to it', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'owner', password: ownerPassword } });
    expect(response.cookies.find((c) => c.name === 'rd_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  });

  it('limits logins per user address as the proxy reports it, so one guesser does not lock out the office', async () => {
    for (let i = 0; i < 10; i++) await login(`guess ${i} guess`, '203.0.113.7');
    expect((await login(ownerPassword, '203.0.113.7')).statusCode).toBe(429);
    expect((await login(ownerPassword, '198.51.100.20')).statusCode).toBe(200);
  });

  it('does not believe forwarded headers from an address that is not a trusted proxy', async () => {
    const spoofed = (address: string) => app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: '192.0.2.50', payload: { username: 'owner', password: 'wrong password!' }, headers: { 'x-forwarded-for': address },
    });
    for (let i = 0; i < 10; i++) await spoofed(`203.0.113.${i}`);
    expect((await spoofed('203.0.113.99')).statusCode).toBe(429);
  });
});
