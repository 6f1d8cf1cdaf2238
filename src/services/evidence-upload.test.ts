import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../test/evidence-fixtures.js';
import { scratchDir } from '../../test/report-files.js';
import { EvidenceTooLargeError } from './evidence-store.js';
import { receiveEvidenceUpload, withUploadDirectory } from './evidence-upload.js';

const store = { directory: scratchDir(), maxPhotoBytes: 10_000, maxVideoBytes: 20_000 };

/** The bytes as a network would deliver them: in pieces of `size`. */
async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const sized = (head: Uint8Array, total: number) => Buffer.concat([head, Buffer.alloc(total - head.length, 0x61)]);

describe('receiving an evidence upload', () => {
  it.each([
    ['in one piece', 10_000],
    ['in pieces smaller than the sniffed head', 100],
    ['in pieces that straddle the head', 3000],
  ])('keeps a photo byte for byte when it arrives %s', async (_how, piece) => {
    const bytes = sized(fixtures.jpeg('front'), 9_000);
    const path = join(scratchDir(), 'upload');
    expect(await receiveEvidenceUpload(store, inPieces(bytes, piece), path, 'front.jpg')).toEqual({ path, fileName: 'front.jpg' });
    expect(Buffer.compare(readFileSync(path), bytes)).toBe(0);
  });

  it.each([
    ['a photo one byte over its limit', sized(fixtures.png('x'), 10_001), EvidenceTooLargeError, 'too_large', /^"big.png": This photo is over/],
    ['a video over its limit', sized(fixtures.mp4('x'), 25_000), EvidenceTooLargeError, 'too_large', /^"big.png": This video is over/],
    ['plain text', Buffer.from('The box arrived damaged.\n'.repeat(400)), Error, 'invalid_input', /^"big.png": The evidence file is plain text/],
    ['nothing at all', Buffer.alloc(0), Error, 'invalid_input', /^"big.png": The evidence file is empty/],
  ])('refuses %s, naming the file, and leaves nothing behind', async (_what, bytes, kind, code, message) => {
    const path = join(scratchDir(), 'upload');
    const refusal = await receiveEvidenceUpload(store, inPieces(bytes, 1000), path, 'big.png').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(kind);
    expect(refusal).toMatchObject({ code, message: expect.stringMatching(message), details: expect.objectContaining({ fileName: 'big.png' }) });
    expect(existsSync(path)).toBe(false);
  });

  it('accepts a photo exactly at its limit', async () => {
    const path = join(scratchDir(), 'upload');
    await receiveEvidenceUpload(store, inPieces(sized(fixtures.gif('x'), 10_000), 4096), path, 'exact.gif');
    expect(readFileSync(path)).toHaveLength(10_000);
  });

  it('removes the upload directory whether the work succeeds or fails', async () => {
    const scratch = scratchDir();
    await withUploadDirectory(scratch, async (directory) => receiveEvidenceUpload(store, inPieces(fixtures.jpeg(), 10), join(directory, '1'), 'a.jpg'));
    await expect(withUploadDirectory(scratch, async () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect(readdirSync(scratch)).toEqual([]);
  });
});
