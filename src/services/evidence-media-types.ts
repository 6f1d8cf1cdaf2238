/**
 * Recognises evidence media from its first bytes (magic numbers). The file's name and extension are
 * never looked at: a PNG called `unboxing.mp4` is a photo, a PDF called `photo.jpg` is refused.
 *
 * Why not the `file-type` package: file-type@22 declares `engines: node >=22`, while ReturnDesk
 * supports Node 20.19+ (package.json `engines`), so installing it warns EBADENGINE on every Node 20
 * install and any later 22.x release may use Node 22 APIs without a major bump. We only need eight
 * formats, each with a fixed signature, so a small table is safer than a dependency we cannot rely on.
 */

export type EvidenceKind = 'photo' | 'video';

/** What the first bytes say: an accepted format, or a description of what was refused. */
export type SniffResult =
  | { readonly accepted: true; readonly mediaType: string; readonly kind: EvidenceKind }
  | { readonly accepted: false; readonly detected: string };

/** How many leading bytes {@link sniffMediaType} needs; fewer is fine for short files. */
export const sniffBytes = 4096;

/** Human-readable list of what is accepted, for error messages and docs. */
export const acceptedFormatsText = 'photos (JPEG, PNG, WebP, HEIC/HEIF, GIF) or videos (MP4, MOV, WebM)';

/** Identifies the media type from the first bytes of a file (at least {@link sniffBytes} when the file is that long). */
export function sniffMediaType(head: Uint8Array): SniffResult {
  const found = sniffImage(head) ?? sniffIsoMedia(head) ?? sniffWebm(head);
  if (found) return found;
  return { accepted: false, detected: describeRefused(head) };
}

function photo(mediaType: string): SniffResult {
  return { accepted: true, mediaType, kind: 'photo' };
}

function video(mediaType: string): SniffResult {
  return { accepted: true, mediaType, kind: 'video' };
}

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((byte, index) => head[offset + index] === byte);
}

function ascii(head: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...head.subarray(start, Math.min(end, head.length)));
}

function sniffImage(head: Uint8Array): SniffResult | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return photo('image/jpeg');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return photo('image/png');
  const six = ascii(head, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return photo('image/gif');
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return photo('image/webp');
  return undefined;
}

// ISO base media files (MP4, MOV, HEIC) start with an `ftyp` box whose major brand names the format.
const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const heifBrands = new Set(['mif1', 'msf1']);
const mp4Brands = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'MSNV', 'mmp4', 'f4v ']);
// QuickTime files older than the `ftyp` convention start directly with one of these atoms.
const bareQuickTimeAtoms = new Set(['moov', 'mdat', 'wide', 'free']);

function sniffIsoMedia(head: Uint8Array): SniffResult | undefined {
  const box = ascii(head, 4, 8);
  if (box !== 'ftyp') return bareQuickTimeAtoms.has(box) && head.length >= 8 ? video('video/quicktime') : undefined;
  const brand = ascii(head, 8, 12);
  if (heicBrands.has(brand)) return photo('image/heic');
  if (heifBrands.has(brand)) return photo('image/heif');
  if (brand === 'qt  ') return video('video/quicktime');
  if (mp4Brands.has(brand)) return video('video/mp4');
  return undefined;
}

// WebM is Matroska (EBML) with DocType "webm"; plain Matroska (.mkv) is refused.
function sniffWebm(head: Uint8Array): SniffResult | undefined {
  if (!startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return undefined;
  return ebmlDocType(head) === 'webm' ? video('video/webm') : undefined;
}

/** Reads the DocType element (ID 0x4282) of an EBML header; sizes are one-byte variable-length integers in practice. */
function ebmlDocType(head: Uint8Array): string | undefined {
  const window = head.subarray(0, 64);
  for (let i = 4; i + 2 < window.length; i++) {
    if (window[i] !== 0x42 || window[i + 1] !== 0x82) continue;
    const sizeByte = window[i + 2] ?? 0;
    if ((sizeByte & 0x80) === 0) return undefined;
    return ascii(window, i + 3, i + 3 + (sizeByte & 0x7f));
  }
  return undefined;
}

// Common refused formats, named so the error tells the user what they actually sent.
const refusedSignatures: readonly { bytes: readonly number[]; offset?: number; name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document (application/pdf)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive or office document (application/zip)' },
  { bytes: [0x4d, 0x5a], name: 'a Windows program (application/x-msdownload)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'a Linux program (application/x-elf)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive (application/gzip)' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], name: 'a Matroska video other than WebM (video/x-matroska)' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], name: 'a TIFF image (image/tiff)' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], name: 'a TIFF image (image/tiff)' },
  { bytes: [0x42, 0x4d], name: 'a BMP image (image/bmp)' },
];

function describeRefused(head: Uint8Array): string {
  const known = refusedSignatures.find((signature) => startsWith(head, signature.bytes, signature.offset));
  if (known) return known.name;
  if (ascii(head, 4, 8) === 'ftyp') return `an ISO media file of brand "${printable(head, 8, 12)}" (not MP4, MOV or HEIC)`;
  if (ascii(head, 0, 4) === 'RIFF') return `a RIFF file of type "${printable(head, 8, 12)}" (not WebP)`;
  return looksLikeText(head) ? 'plain text (text/plain)' : 'of an unknown type';
}

/** Brand names come from the upload: show them without control characters. */
function printable(head: Uint8Array, start: number, end: number): string {
  return ascii(head, start, end).replace(/[^\x20-\x7e]/g, '?').trim();
}

/** Text files have no NUL bytes and few control characters other than tab, CR and LF. */
function looksLikeText(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  return control * 20 < head.length;
}
