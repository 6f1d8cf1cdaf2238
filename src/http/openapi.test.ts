import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../services/open-database.js';
import type { Database } from '../services/open-database.js';
import { buildServer, serverRoutes } from './server.js';

describe('the OpenAPI document and its page', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ database } = await openDatabase(':memory:'));
    app = await buildServer({ database, logLevel: 'silent' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('documents every API route with its parameters, and how to authenticate', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>; components: { securitySchemes: object } };
    expect(document.openapi).toMatch(/^3\./);
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const registered = serverRoutes(app).filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).sort();
    expect(documented).toEqual(registered);
    const list = document.paths['/api/accounts/{accountId}/returns']!.get!;
    expect(list.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:accountId', 'query:limit', 'query:status', 'query:sku']));
    expect(Object.keys(document.components.securitySchemes)).toEqual(['token', 'session']);
    // What each route answers is in the document too, errors included.
    const responses = (document.paths['/api/accounts/{accountId}/returns/{id}']!.get as unknown as { responses: Record<string, unknown> }).responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '4XX', '5XX']);
  });

  it('answers with headers that keep a browser from sniffing, framing or running an answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
    });
    const missing = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lists every route with the permission it needs in docs/api.md', async () => {
    const page = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    const documented = new Set([...page.matchAll(/^\| (GET|POST|PUT|DELETE|PATCH) \| `([^`]+)` \| ([\w ]+) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`));
    const needs = (access: object) => ('public' in access ? 'anyone' : 'signedIn' in access ? 'signed in' : (access as { permission: string }).permission);
    const missing = serverRoutes(app).filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url} ${needs(r.access)}`).filter((line) => !documented.has(line));
    expect(missing).toEqual([]);
  });

  it('serves the readable page from the package, to anyone', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('swagger-ui');
    // The page runs its own scripts, so it keeps the library's policy rather than the API's.
    expect(page.headers['content-security-policy'] ?? '').not.toContain('sandbox');
  });
});
