import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './evidence-media-types.js';
import { fixtures } from '../../test/evidence-fixtures.js';

describe('sniffMediaType', () => {
  it.each([
    ['jpeg', 'image/jpeg', 'photo'],
    ['png', 'image/png', 'photo'],
    ['gif', 'image/gif', 'photo'],
    ['webp', 'image/webp', 'photo'],
    ['heic', 'image/heic', 'photo'],
    ['heif', 'image/heif', 'photo'],
    ['mp4', 'video/mp4', 'video'],
    ['mov', 'video/quicktime', 'video'],
    ['webm', 'video/webm', 'video'],
  ] as const)('accepts %s as %s (%s)', (name, mediaType, kind) => {
    expect(sniffMediaType(fixtures[name]())).toEqual({ accepted: true, mediaType, kind });
  });

  it.each([
    ['pdf', 'application/pdf'],
    ['zip', 'application/zip'],
    ['exe', 'application/x-msdownload'],
    ['text', 'text/plain'],
    ['matroska', 'video/x-matroska'],
    ['m4a', 'brand "M4A"'],
    ['unknown', 'unknown type'],
  ] as const)('refuses %s, naming it (%s)', (name, named) => {
    const result = sniffMediaType(fixtures[name]());
    expect(result.accepted).toBe(false);
    expect(!result.accepted && result.detected).toContain(named);
  });

  it('refuses headers too short to identify', () => {
    expect(sniffMediaType(Uint8Array.from([0xff, 0xd8])).accepted).toBe(false);
    expect(sniffMediaType(new Uint8Array(0)).accepted).toBe(false);
  });
});
