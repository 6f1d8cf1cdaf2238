import type { InspectionSheetResponse } from '../../api/warehouse.js';

// What the page checks of a photo or video before sending it: that it is one, and not over the
// server's limit for its kind, so a 30-second upload on a warehouse phone is not wasted on a 413.
// The server sniffs the bytes again and has the last word.

export type EvidenceKind = 'photo' | 'video';
type Limits = InspectionSheetResponse['evidenceLimits'];

// Some phones give HEIC photos and MOV videos no media type: their name tells.
const photoNames = /\.(jpe?g|png|webp|heic|heif|gif)$/i;
const videoNames = /\.(mp4|mov|webm|m4v)$/i;

export function evidenceKindOf(file: Pick<File, 'type' | 'name'>): EvidenceKind | null {
  if (file.type.startsWith('image/')) return 'photo';
  if (file.type.startsWith('video/')) return 'video';
  if (file.type === '' && photoNames.test(file.name)) return 'photo';
  if (file.type === '' && videoNames.test(file.name)) return 'video';
  return null;
}

export type FileProblem = { readonly kind: 'not_media' } | { readonly kind: 'too_large'; readonly limitBytes: number };

/** Why the file cannot go with the inspection, or null when it can. */
export function evidenceProblem(file: Pick<File, 'type' | 'name' | 'size'>, limits: Limits): FileProblem | null {
  const kind = evidenceKindOf(file);
  if (kind === null) return { kind: 'not_media' };
  const limitBytes = kind === 'photo' ? limits.maxPhotoBytes : limits.maxVideoBytes;
  return file.size > limitBytes ? { kind: 'too_large', limitBytes } : null;
}
