import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBufferPromise } from 'yauzl';
import type { ClaimCandidate } from '../domain/claims/claim.js';
import { safetCandidate } from '../../test/claim-candidate.js';
import { DomainError } from '../domain/errors.js';
import { claimPacketFormat, safeFileName, writeClaimPacket } from './claim-packet.js';
import type { ClaimPacketInput } from './claim-packet.js';
import { evidencePath, storeEvidenceBytes } from './evidence-store.js';
import type { EvidenceStoreConfig } from './evidence-store.js';
import { fixtures } from '../../test/evidence-fixtures.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let root: string;
let store: EvidenceStoreConfig;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'returndesk-packet-'));
  store = { directory: join(root, 'evidence'), maxPhotoBytes: 1_000_000, maxVideoBytes: 10_000_000 };
  await mkdir(join(root, 'out'));
  out = join(root, 'out', 'claim-113-1234567-1234567.zip');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const candidate: ClaimCandidate = {
  ...safetCandidate,
  computation: 'The refund Amazon issued for the item and its shipping.',
  proof: [...safetCandidate.proof, { source: 'mfn_returns', rowId: 2, file: 'mfn-returns-2026-03.tsv', line: 7, summary: 'Return delivered 2026-03-04' }],
};

function input(evidence: ClaimPacketInput['evidence']): ClaimPacketInput {
  return {
    candidate,
    timeline: [
      { atIso: '2026-03-02T10:00:00.000Z', event: 'Refund issued by Amazon', detail: '$29.99' },
      { atIso: '2026-03-04T15:20:00.000Z', event: 'Return delivered' },
    ],
    messages: [{ atIso: '2026-03-01T12:00:00.000Z', from: 'buyer', text: 'Please refund me.' }],
    evidence,
    reportLines: [
      { file: 'settlement-2026-03.txt', line: 41, text: '1234\t2026-03-02\tRefund\t113-1234567-1234567\tSKU-RED-M\t-24.99' },
      { file: 'mfn-returns-2026-03.tsv', line: 7, text: '113-1234567-1234567\tDkXq7bR9RRMA\tline\nbreak' },
    ],
    sellerName: 'Acme Goods LLC',
    nowIso: '2026-03-10T09:00:00.000Z',
  };
}

/** Every entry of a ZIP, by name, read with yauzl (an independent reader). */
async function unzip(path: string): Promise<Map<string, Buffer>> {
  const zip = await fromBufferPromise(await readFile(path), { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: { fileName: string }) => {
      zip.openReadStream(entry as never, (error: Error | null, stream: Readable) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

interface Manifest {
  format: string;
  claim: { key: string; orderId: string };
  files: { path: string; sha256: string; sizeBytes: number; kind?: string; uploadedAs?: string }[];
}

async function leftovers(): Promise<string[]> {
  return readdir(dirname(out));
}

function hasUnzip(): boolean {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('writeClaimPacket', () => {
  it('writes one ZIP whose manifest lists every file with the SHA-256 and size of its content', async () => {
    const photo = fixtures.jpeg('inspection photo');
    // A video of a few MiB: streamed in chunks, not read whole.
    const video = Uint8Array.from([...fixtures.mp4('unboxing'), ...new Uint8Array(3 * 1024 * 1024 + 17).fill(7)]);
    const storedPhoto = await storeEvidenceBytes(store, photo);
    const storedVideo = await storeEvidenceBytes(store, video);

    const result = await writeClaimPacket(out, input([
      { sha256: storedPhoto.sha256, fileName: 'IMG_0001 (1).JPG', mediaType: storedPhoto.mediaType, kind: 'photo' },
      { sha256: storedVideo.sha256, fileName: '../../unboxing<script>.mov', mediaType: storedVideo.mediaType, kind: 'video' },
    ]), store);

    expect(result.path).toBe(out);
    expect(result.sizeBytes).toBe((await stat(out)).size);
    const entries = await unzip(out);
    const photoPath = `evidence/${storedPhoto.sha256.slice(0, 12)}-IMG_0001_1.jpg`;
    const videoPath = `evidence/${storedVideo.sha256.slice(0, 12)}-unboxing_script.mp4`;
    expect([...entries.keys()]).toEqual(['claim.txt', 'summary.html', 'report-lines.tsv', photoPath, videoPath, 'manifest.json']);

    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.format).toBe(claimPacketFormat);
    expect(manifest.claim.orderId).toBe('113-1234567-1234567');
    expect(manifest.files.map((file) => file.path)).toEqual([...entries.keys()].filter((name) => name !== 'manifest.json'));
    for (const file of manifest.files) {
      const content = entries.get(file.path)!;
      expect(sha256(content), file.path).toBe(file.sha256);
      expect(content.length, file.path).toBe(file.sizeBytes);
    }
    expect(result.files).toEqual(manifest.files.map(({ path, sha256: hash, sizeBytes }) => ({ path, sha256: hash, sizeBytes })));

    // Evidence is byte for byte what was stored, under its own SHA-256.
    expect(entries.get(photoPath)!.equals(Buffer.from(photo))).toBe(true);
    expect(entries.get(videoPath)!.equals(Buffer.from(video))).toBe(true);
    expect(manifest.files.find((file) => file.path === videoPath)).toMatchObject({ sha256: storedVideo.sha256, kind: 'video', uploadedAs: '../../unboxing<script>.mov' });

    const claim = entries.get('claim.txt')!.toString('utf8');
    expect(claim).toMatch(/^Subject: SAFE-T claim - order 113-1234567-1234567\n\nHello,/);
    expect(claim).toContain('- RMA ID: DkXq7bR9RRMA');
    expect(claim).toContain('Amount requested: $29.99.');
    expect(claim).toContain('Evidence attached: 2 photos and videos');

    const summary = entries.get('summary.html')!.toString('utf8');
    expect(summary).toContain(storedPhoto.sha256);
    expect(summary).toContain(storedVideo.sha256);
    expect(summary).toContain(videoPath);
    expect(summary).toContain('../../unboxing&lt;script&gt;.mov');
    expect(summary).not.toContain('<script');
    expect(summary).toContain('Please refund me.');

    expect(entries.get('report-lines.tsv')!.toString('utf8')).toBe([
      'file\tline\ttext',
      'settlement-2026-03.txt\t41\t1234\t2026-03-02\tRefund\t113-1234567-1234567\tSKU-RED-M\t-24.99',
      'mfn-returns-2026-03.tsv\t7\t113-1234567-1234567\tDkXq7bR9RRMA\tline break',
      '',
    ].join('\n'));
    expect(await leftovers()).toEqual(['claim-113-1234567-1234567.zip']);

    // Standard tools agree, where there is one.
    if (hasUnzip()) {
      expect(execFileSync('unzip', ['-tqq', out]).toString()).toBe('');
    }
  });

  it('writes a packet without evidence (an FBA claim), and replaces an older packet', async () => {
    await writeFile(out, 'old packet');
    const result = await writeClaimPacket(out, { ...input([]), candidate: { ...candidate, kind: 'fba_refunded_not_returned' } }, store);
    const entries = await unzip(out);
    expect([...entries.keys()]).toEqual(['claim.txt', 'summary.html', 'report-lines.tsv', 'manifest.json']);
    expect(result.files).toHaveLength(3);
    expect(entries.get('claim.txt')!.toString('utf8')).not.toContain('Evidence attached');
  });

  it('refuses a missing evidence file, naming its SHA-256, and leaves no file at outPath', async () => {
    const stored = await storeEvidenceBytes(store, fixtures.png('present'));
    const missing = sha256(fixtures.jpeg('never stored'));
    const error = await writeClaimPacket(out, input([
      { sha256: stored.sha256, fileName: 'a.png', mediaType: 'image/png', kind: 'photo' },
      { sha256: missing, fileName: 'b.jpg', mediaType: 'image/jpeg', kind: 'photo' },
    ]), store).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('not_found');
    expect((error as DomainError).message).toContain(missing);
    expect(await leftovers()).toEqual([]);
  });

  it('refuses a stored file whose content no longer matches its SHA-256, and leaves nothing', async () => {
    const good = await storeEvidenceBytes(store, fixtures.jpeg('good'));
    const damaged = await storeEvidenceBytes(store, fixtures.mp4('original'));
    const path = evidencePath(store, damaged.sha256);
    await chmod(path, 0o644);
    await writeFile(path, fixtures.mp4('tampered'));
    const error = await writeClaimPacket(out, input([
      { sha256: good.sha256, fileName: 'good.jpg', mediaType: good.mediaType, kind: 'photo' },
      { sha256: damaged.sha256, fileName: 'video.mp4', mediaType: damaged.mediaType, kind: 'video' },
    ]), store).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((error as DomainError).message).toContain(damaged.sha256);
    expect(await leftovers()).toEqual([]);
  });

  it('refuses an evidence id that is not a SHA-256 before touching the disk', async () => {
    const error = await writeClaimPacket(out, input([{ sha256: '../../etc/passwd', fileName: 'x', mediaType: 'image/jpeg', kind: 'photo' }]), store)
      .catch((caught: unknown) => caught);
    expect((error as DomainError).code).toBe('invalid_input');
    expect(await leftovers()).toEqual([]);
  });

  it('says so when the output folder does not exist', async () => {
    const error = await writeClaimPacket(join(root, 'nowhere', 'p.zip'), input([]), store).catch((caught: unknown) => caught);
    expect((error as DomainError).code).toBe('invalid_input');
    expect((error as DomainError).message).toContain('folder does not exist');
  });
});

describe('safeFileName', () => {
  it('keeps only [A-Za-z0-9._-], no path, no leading dot, extension from the content type', () => {
    expect(safeFileName('IMG_0001.JPG', 'image/jpeg', 'photo')).toBe('IMG_0001.jpg');
    expect(safeFileName('../../etc/passwd', 'image/png', 'photo')).toBe('passwd.png');
    expect(safeFileName('C:\\Users\\me\\Café déjà vu.mov', 'video/quicktime', 'video')).toBe('Cafe_deja_vu.mov');
    expect(safeFileName('.hidden', 'image/png', 'photo')).toBe('hidden.png');
    expect(safeFileName('写真.heic', 'image/heic', 'photo')).toBe('photo.heic');
    expect(safeFileName('clip.mp4', 'video/unknown', 'video')).toBe('clip.mp4');
    expect(safeFileName('x'.repeat(300), 'video/mp4', 'video')).toMatch(/^x{60}\.mp4$/);
    for (const name of ['a/b\\c', '\u0000\n.jpg', '..', 'CON', ' <>:"|?* ']) {
      expect(safeFileName(name, 'image/jpeg', 'photo')).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    }
  });
});
