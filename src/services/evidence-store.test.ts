import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { defaultEvidenceStoreConfig, evidencePath, hasEvidence, readEvidence, storeEvidenceBytes, storeEvidenceFile } from './evidence-store.js';
import type { EvidenceStoreConfig } from './evidence-store.js';
import { fixtures } from '../../test/evidence-fixtures.js';

// Sources whose file handle reports a false, small size: lets a test reach the limit check made while
// copying (a file that grows after it was measured) and count how much was read before stopping.
const lying = vi.hoisted(() => ({ paths: new Set<string>(), bytesRead: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  const open: typeof actual.open = async (path, ...rest) => {
    const handle = await actual.open(path, ...rest);
    if (!lying.paths.has(String(path))) return handle;
    const realStat = handle.stat.bind(handle);
    const realRead = handle.read.bind(handle) as (...args: unknown[]) => Promise<{ bytesRead: number }>;
    Object.assign(handle, {
      stat: async () => ({ ...(await realStat()), size: 10 }),
      read: async (...args: unknown[]) => {
        const result = await realRead(...args);
        lying.bytesRead += result.bytesRead;
        return result;
      },
    });
    return handle;
  };
  return { ...actual, open };
});

let root: string;
let store: EvidenceStoreConfig;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'returndesk-evidence-'));
  store = { directory: join(root, 'evidence'), maxPhotoBytes: 1_000, maxVideoBytes: 5_000 };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file (not directory) under the store, temporary files included. */
async function filesInStore(): Promise<string[]> {
  const entries = await readdir(store.directory, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function source(name: string, content: Uint8Array): Promise<string> {
  const path = join(root, name);
  await writeFile(path, content);
  return path;
}

const sha = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('storing evidence', () => {
  it('stores a photo under <2 hex>/<2 hex>/<sha256> with its size and sniffed type', async () => {
    const content = fixtures.jpeg('a');
    const hash = sha(content);
    const result = await storeEvidenceFile(store, await source('photo.jpg', content), '2025-03-01T10:00:00.000Z');
    expect(result).toEqual({
      sha256: hash, sizeBytes: content.length, mediaType: 'image/jpeg', kind: 'photo',
      relativePath: `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`, created: true, storedAt: '2025-03-01T10:00:00.000Z',
    });
    expect(evidencePath(store, hash)).toBe(join(store.directory, hash.slice(0, 2), hash.slice(2, 4), hash));
    expect(new Uint8Array(await readFile(evidencePath(store, hash)))).toEqual(content);
    expect(await filesInStore()).toEqual([evidencePath(store, hash)]);
  });

  it.each([
    ['png', 'image/png', 'photo'],
    ['mp4', 'video/mp4', 'video'],
    ['webm', 'video/webm', 'video'],
    ['mov', 'video/quicktime', 'video'],
    ['heic', 'image/heic', 'photo'],
  ] as const)('accepts a %s file', async (name, mediaType, kind) => {
    const result = await storeEvidenceFile(store, await source(`upload.${name}`, fixtures[name]()));
    expect(result).toMatchObject({ mediaType, kind, created: true });
  });

  it('stores the same content once, from a file or from bytes', async () => {
    const content = fixtures.mp4('same');
    const first = await storeEvidenceFile(store, await source('one.mp4', content));
    const second = await storeEvidenceFile(store, await source('two-other-name.mov', content));
    const third = await storeEvidenceBytes(store, content);
    expect([first.created, second.created, third.created]).toEqual([true, false, false]);
    expect(new Set([first.sha256, second.sha256, third.sha256]).size).toBe(1);
    expect(await filesInStore()).toEqual([evidencePath(store, first.sha256)]);
  });

  it('stores concurrent uploads of the same content once, and both succeed', async () => {
    const content = fixtures.webm('race');
    const paths = await Promise.all([source('a.webm', content), source('b.webm', content)]);
    const results = await Promise.all([...paths.map((path) => storeEvidenceFile(store, path)), storeEvidenceBytes(store, content)]);
    expect(results.map((result) => result.created).sort()).toEqual([false, false, true]);
    expect(await filesInStore()).toEqual([evidencePath(store, sha(content))]);
  });

  it('trusts the content, not the name: a PNG called .mp4 is a photo', async () => {
    const result = await storeEvidenceFile(store, await source('unboxing.mp4', fixtures.png()));
    expect(result).toMatchObject({ mediaType: 'image/png', kind: 'photo' });
  });

  it('streams a file larger than one copy chunk intact', async () => {
    const content = new Uint8Array(3 * 1024 * 1024 + 17);
    content.set(fixtures.mp4());
    for (let i = 64; i < content.length; i++) content[i] = (i * 31) % 251;
    const big = { ...store, maxVideoBytes: 10 * 1024 * 1024 };
    const result = await storeEvidenceFile(big, await source('big.mp4', content));
    expect(result).toMatchObject({ sha256: sha(content), sizeBytes: content.length });
    expect(sha(await readFile(evidencePath(big, result.sha256)))).toBe(sha(content));
  });

  it('reads stored evidence back', async () => {
    const content = fixtures.gif();
    const { sha256 } = await storeEvidenceBytes(store, content);
    expect(await hasEvidence(store, sha256)).toBe(true);
    const { sizeBytes, stream } = await readEvidence(store, sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(sizeBytes).toBe(content.length);
    expect(new Uint8Array(Buffer.concat(chunks))).toEqual(content);
    const missing = 'f'.repeat(64);
    expect(await hasEvidence(store, missing)).toBe(false);
    expect((await refusal(readEvidence(store, missing))).code).toBe('not_found');
  });

  it('uses defaults of 20 MiB per photo and 500 MiB per video', () => {
    expect(defaultEvidenceStoreConfig).toEqual({ directory: './data/evidence', maxPhotoBytes: 20 * 1024 * 1024, maxVideoBytes: 500 * 1024 * 1024 });
  });
});

describe('refusing evidence (nothing stays on disk)', () => {
  function padded(head: Uint8Array, size: number): Uint8Array {
    const content = new Uint8Array(size);
    content.set(head);
    return content;
  }

  it('refuses a photo over the photo limit, naming both sizes', async () => {
    const photos = { ...store, maxPhotoBytes: 20 * 1024 * 1024 };
    const error = await refusal(storeEvidenceFile(photos, await source('huge.jpg', padded(fixtures.jpeg(), 26_529_000))));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('photo is 25.3 MB; photos may be at most 20 MB');
    expect(await filesInStore()).toEqual([]);
  });

  it('refuses a video over the video limit, from a file or from bytes', async () => {
    const content = padded(fixtures.mp4(), 5_001);
    const fromFile = await refusal(storeEvidenceFile(store, await source('long.mp4', content)));
    const fromBytes = await refusal(storeEvidenceBytes(store, content));
    for (const error of [fromFile, fromBytes]) {
      expect(error.code).toBe('too_large');
      expect(error.message).toMatch(/video is .* MB; videos may be at most/);
    }
    expect(await filesInStore()).toEqual([]);
  });

  it('stops copying as soon as a video passes the limit, and removes the partial copy', async () => {
    const path = await source('growing.mp4', padded(fixtures.mp4(), 8 * 1024 * 1024));
    lying.paths.add(path);
    lying.bytesRead = 0;
    try {
      const error = await refusal(storeEvidenceFile(store, path));
      expect(error.code).toBe('too_large');
      expect(error.message).toContain('video is over');
      expect(lying.bytesRead).toBeLessThanOrEqual(4096 + 1024 * 1024);
    } finally {
      lying.paths.delete(path);
    }
    expect(await filesInStore()).toEqual([]);
  });

  it('allows a file of exactly the limit', async () => {
    const result = await storeEvidenceBytes(store, padded(fixtures.png(), 1_000));
    expect(result).toMatchObject({ kind: 'photo', sizeBytes: 1_000 });
  });

  it.each([
    ['pdf', 'invoice.jpg', 'PDF'],
    ['text', 'notes.png', 'plain text'],
    ['exe', 'video.mp4', 'Windows program'],
    ['zip', 'photos.zip', 'ZIP'],
    ['unknown', 'blob.heic', 'unknown type'],
  ] as const)('refuses %s content (named %s), saying what it is and what is accepted', async (name, fileName, detected) => {
    const error = await refusal(storeEvidenceFile(store, await source(fileName, fixtures[name]())));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(detected);
    expect(error.message).toContain('JPEG, PNG, WebP, HEIC/HEIF, GIF');
    expect(error.message).toContain('MP4, MOV, WebM');
    expect(await filesInStore()).toEqual([]);
  });

  it('refuses an empty file', async () => {
    const path = await source('empty.jpg', new Uint8Array(0));
    for (const attempt of [() => storeEvidenceFile(store, path), () => storeEvidenceBytes(store, new Uint8Array(0))]) {
      const error = await refusal(attempt());
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain('empty');
    }
    expect(await filesInStore()).toEqual([]);
  });

  it('refuses a missing source or a directory as unreadable', async () => {
    const missing = await refusal(storeEvidenceFile(store, join(root, 'nope.jpg')));
    expect(missing.code).toBe('unreadable_file');
    expect(missing.message).toContain('does not exist');
    expect((await refusal(storeEvidenceFile(store, root))).code).toBe('unreadable_file');
    expect(await filesInStore()).toEqual([]);
  });

  it.each(['abc', 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(62)}/x`, '../../etc/passwd', `${'a'.repeat(64)}\n`])(
    'refuses %j as an evidence id', (bad) => {
      expect(() => evidencePath(store, bad)).toThrow(DomainError);
      expect(() => evidencePath(store, bad)).toThrow(/64 lowercase hex digits/);
    },
  );
});
