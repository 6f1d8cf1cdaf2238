import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandler } from './errors.js';
import { describeRoute, registerResponseChecks, replyMismatch } from './route-options.js';

const reply = z.object({ id: z.number().int(), name: z.string() }).strict();

describe('declared replies', () => {
  it('names the fields of an answer that differs from its declaration', () => {
    expect(replyMismatch({ 200: reply }, 200, { id: 1, name: 'a' })).toBeNull();
    expect(replyMismatch({ 200: reply }, 200, { id: '1', name: 'a' })).toMatch(/^id: /);
    expect(replyMismatch({ 200: reply }, 200, { id: 1, name: 'a', secret: 'x' })).toMatch(/secret/);
    expect(replyMismatch({ 200: reply }, 201, { id: 1, name: 'a' })).toBe('the route declares no reply for status 201');
    expect(replyMismatch({ 200: 'file' }, 200, 'bytes')).toBeNull();
    expect(replyMismatch({ 200: reply }, 404, { error: { code: 'not_found', message: 'no', details: {} } })).toBeNull();
    expect(replyMismatch({ 200: reply }, 404, { message: 'no' })).not.toBeNull();
  });

  it('turns an answer unlike its declaration into a 500 on a checking server', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    registerResponseChecks(app);
    const route = describeRoute({ access: { public: true }, tags: ['t'], summary: 's', replies: { 200: reply } });
    app.get('/good', route, async () => ({ id: 1, name: 'a' }));
    app.get('/leaky', route, async () => ({ id: 1, name: 'a', passwordHash: 'x' }));
    expect((await app.inject('/good')).statusCode).toBe(200);
    const leaky = await app.inject('/leaky');
    expect([leaky.statusCode, leaky.json().error.code]).toEqual([500, 'internal']);
    await app.close();
  });
});
