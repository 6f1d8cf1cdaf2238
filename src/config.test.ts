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

  it('refuses a port that is not one', () => {
    expect(() => loadConfig({ RETURNDESK_PORT: '99999' }, 'no-such.env')).toThrow('RETURNDESK_PORT must be a port number');
  });
});
