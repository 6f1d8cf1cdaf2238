import iconv from 'iconv-lite';
import { DomainError } from '../domain/errors.js';
import { isValidUtf8 } from './detect-encoding.js';

/**
 * Text encodings of Amazon report files (reference §2.7): UTF-8 (NA, most SP-API files), windows-1252
 * (EU listing reports served as `charset=Cp1252`) and Shift_JIS, decoded as Microsoft's cp932 superset
 * (Amazon JP).
 */
export const encodings = ['utf-8', 'windows-1252', 'shift_jis'] as const;
export type Encoding = (typeof encodings)[number];

// latin1 / iso-8859-1 map to windows-1252 as in the WHATWG Encoding standard (and so in browsers):
// servers label cp1252 text as latin1, and cp1252 only adds printable characters (€ ‘ ’ “ ” …) where
// latin1 has unused C1 controls. iso-8859-15 is not accepted: its € sits at 0xA4, where cp1252 has ¤.
const encodingNames: ReadonlyMap<string, Encoding> = new Map([
  ...['utf8', 'utf-8', 'unicode-1-1-utf-8'].map((name) => [name, 'utf-8'] as const),
  ...['cp1252', 'windows-1252', 'win-1252', 'x-cp1252', 'ms-ansi', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1']
    .map((name) => [name, 'windows-1252'] as const),
  ...['shift_jis', 'shift-jis', 'sjis', 'x-sjis', 'ms_kanji', 'csshiftjis', 'cp932', 'ms932', 'windows-31j', 'x-ms-cp932']
    .map((name) => [name, 'shift_jis'] as const),
]);

/**
 * Maps an `--encoding` option or an HTTP `charset` value (`Cp1252`, `"UTF-8"`, `MS932`...) to an
 * {@link Encoding}. Case and surrounding quotes are ignored; an unknown name is an `invalid_input`
 * DomainError listing the accepted names.
 */
export function normalizeEncodingName(name: string): Encoding {
  const key = name.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const found = encodingNames.get(key);
  if (!found) {
    const accepted = [...encodingNames.keys()].join(', ');
    throw new DomainError('invalid_input', `Unknown encoding "${name}". Use one of: ${accepted}.`, { encoding: name });
  }
  return found;
}

/** A streaming decoder: chunks in, text out, never splitting a character between two writes. */
export interface TextChunkDecoder {
  write(chunk: Uint8Array): string;
  /** Flushes what is pending; for UTF-8 a character cut off at the end of the file is an error. */
  end(): string;
}

/** Bytes at the end of `chunk` that start a UTF-8 character not yet complete (0 to 3). */
function pendingUtf8Length(chunk: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? back : 0;
    }
  }
  return 0;
}

/** Index of the byte where UTF-8 decoding of `bytes` first fails: slow, used only to report an error. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isValidUtf8(bytes.subarray(0, middle), false)) low = middle + 1;
    else high = middle;
  }
  // The failing byte may be ASCII ending a cut-off sequence: point at the sequence's start instead.
  const bad = low - 1;
  for (let back = 1; back <= 3 && bytes[bad]! < 0x80 && bad - back >= 0; back++) {
    if (bytes[bad - back]! >= 0xc0) return bad - back;
  }
  return bad;
}

/** The streaming decoder's refusal: a class of its own, so the import can tell it from other refusals. */
class NotUtf8Error extends DomainError {
  declare readonly details: { readonly offset: number };
}

function notUtf8(offset: number): DomainError {
  return new NotUtf8Error('unreadable_file', `The file is not valid UTF-8 (first bad byte near byte offset ${offset}). Try --encoding windows-1252 or shift_jis.`, { offset });
}

/** Whether `error` is the streaming UTF-8 decoder's refusal of a file, with the bad byte's offset. */
export function isNotUtf8Error(error: unknown): error is DomainError & { readonly details: { readonly offset: number } } {
  return error instanceof NotUtf8Error;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

// Native TextDecoder keeps UTF-8 at memory speed; the byte offset is worked out only once it fails.
function createUtf8Decoder(): TextChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let consumed = 0;
  let pending: Uint8Array = new Uint8Array(0); // start of a character cut off by the last chunk
  return {
    write(chunk) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        consumed += chunk.length;
        const tail = chunk.length >= 3 ? chunk : concat(pending, chunk);
        pending = tail.subarray(tail.length - pendingUtf8Length(tail));
        return text;
      } catch {
        const joined = concat(pending, chunk);
        throw notUtf8(consumed - pending.length + findInvalidUtf8(joined));
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        throw notUtf8(consumed - pending.length);
      }
    },
  };
}

const utf8Bom = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Drops a UTF-8 BOM in front of a non-UTF-8 file (a forced `--encoding` on a BOM file), even split. */
function withoutBom(inner: TextChunkDecoder): TextChunkDecoder {
  let matched = 0; // BOM bytes seen so far; -1 once past the start of the file
  return {
    write(chunk) {
      if (matched < 0) return inner.write(chunk);
      let i = 0;
      while (i < chunk.length && matched < 3 && chunk[i] === utf8Bom[matched]) { i++; matched++; }
      if (matched < 3 && i === chunk.length) return ''; // maybe a BOM split across chunks: wait
      // A partial match was text after all: hand those bytes on.
      const head = matched === 3 ? chunk.subarray(i) : concat(utf8Bom.subarray(0, matched), chunk.subarray(i));
      matched = -1;
      return inner.write(head);
    },
    end: () => (matched > 0 ? inner.write(utf8Bom.subarray(0, matched)) : '') + inner.end(),
  };
}

function createIconvDecoder(codec: string): TextChunkDecoder {
  const decoder = iconv.getDecoder(codec);
  return {
    write: (chunk) => decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

function createCp1252Decoder(): TextChunkDecoder {
  const decoder = new TextDecoder('windows-1252');
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

/**
 * A streaming decoder for one file. Strips a leading UTF-8 BOM. UTF-8 is strict: an invalid byte
 * anywhere (also after a clean first chunk) is an `unreadable_file` DomainError with its byte
 * offset. shift_jis decodes as cp932 and windows-1252 as WHATWG does; neither can fail, since every
 * byte decodes to something.
 */
export function createTextDecoder(encoding: Encoding): TextChunkDecoder {
  if (encoding === 'utf-8') return createUtf8Decoder();
  return withoutBom(encoding === 'shift_jis' ? createIconvDecoder('cp932') : createCp1252Decoder());
}
