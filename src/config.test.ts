import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults the evidence store to ./data/evidence, 20 MiB photos and 500 MiB videos', () => {
    expect(loadConfig({}, 'no-such.env')).toMatchObject({ evidenceDirectory: './data/evidence', maxPhotoBytes: 20 * 2 ** 20, maxVideoBytes: 500 * 2 ** 20 });
  });

  it('reads the evidence settings from the environment', () => {
    const config = loadConfig({ RETURNDESK_EVIDENCE_DIR: '/srv/evidence', RETURNDESK_EVIDENCE_MAX_PHOTO_MB: '2.5', RETURNDESK_EVIDENCE_MAX_VIDEO_MB: '100' }, 'no-such.env');
    expect(config).toMatchObject({ evidenceDirectory: '/srv/evidence', maxPhotoBytes: 2.5 * 2 ** 20, maxVideoBytes: 100 * 2 ** 20 });
  });

  it.each([['0'], ['-1'], ['lots']])('refuses a size limit of "%s", naming the variable', (value) => {
    expect(() => loadConfig({ RETURNDESK_EVIDENCE_MAX_PHOTO_MB: value }, 'no-such.env')).toThrow(`RETURNDESK_EVIDENCE_MAX_PHOTO_MB must be a size in MiB above 0, not "${value}".`);
  });

  it('reads the key Amazon credentials are sealed with, or none', () => {
    expect(loadConfig({}, 'no-such.env')).toMatchObject({ secretKey: null, spApiOrigin: null, syncHours: 4 });
    expect(loadConfig({ RETURNDESK_SP_API_URL: 'http://127.0.0.1:9090/', RETURNDESK_SYNC_HOURS: '0' }, 'no-such.env')).toMatchObject({ spApiOrigin: 'http://127.0.0.1:9090', syncHours: 0 });
    expect(loadConfig({ RETURNDESK_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') }, 'no-such.env').secretKey).toEqual(Buffer.alloc(32, 1));
  });

  it('refuses a port that is not one', () => {
    expect(() => loadConfig({ RETURNDESK_PORT: '99999' }, 'no-such.env')).toThrow('RETURNDESK_PORT must be a port number');
  });

  it('serves on this machine only unless an https public address is set', () => {
    expect(loadConfig({}, 'no-such.env')).toMatchObject({ publicUrl: null, trustedProxies: ['127.0.0.1', '::1'] });
    const behindProxy = loadConfig({ RETURNDESK_PUBLIC_URL: 'https://returns.example.com/desk', RETURNDESK_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16' }, 'no-such.env');
    expect(behindProxy).toMatchObject({ publicUrl: 'https://returns.example.com', trustedProxies: ['10.0.0.5', '10.1.0.0/16'] });
  });

  it.each([
    ['RETURNDESK_PUBLIC_URL', 'http://returns.example.com', 'must start with https://'],
    ['RETURNDESK_PUBLIC_URL', 'returns.example.com', 'must be an address such as https://returns.example.com'],
    ['RETURNDESK_TRUSTED_PROXIES', '10.0.0.5, proxy.local', '"proxy.local" is neither'],
    ['RETURNDESK_SECRET_KEY', 'correct horse battery staple', 'RETURNDESK_SECRET_KEY must be 32 random bytes'],
    ['RETURNDESK_SYNC_HOURS', 'often', 'RETURNDESK_SYNC_HOURS must be hours between 0 (never) and 168'],
    ['RETURNDESK_SP_API_URL', 'not a url', 'RETURNDESK_SP_API_URL must be an address'],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, 'no-such.env')).toThrow(message);
  });
});
