/**
 * Bytes to text, strictly. Supported encodings: UTF-8 (with or without BOM), UTF-16 LE/BE
 * (with BOM when detected), Windows-1256 (the legacy Arabic code page). Nothing is ever
 * decoded into U+FFFD mojibake: bytes that are not valid in the chosen encoding are an error.
 *
 * Automatic detection (`auto`):
 *   1. a BOM decides (EF BB BF: UTF-8, FF FE: UTF-16 LE, FE FF: UTF-16 BE);
 *   2. NUL bytes without a UTF-16 BOM: binary, an error (or skipped while walking a folder),
 *      unless they fall on one side of every byte pair of valid UTF-16 text: then an error
 *      that names the --encoding to give (never skipped: it is a text file);
 *   3. valid UTF-8: UTF-8;
 *   4. invalid UTF-8 that looks like Windows-1256 Arabic: the invalid sequences outnumber the
 *      valid multi-byte ones (real UTF-8 with a few broken bytes has many valid ones) and most
 *      non-ASCII characters decode to Arabic letters;
 *   5. anything else: an error naming the first invalid byte.
 *
 * A forced encoding (`--encoding`) applies to inputs without a BOM; a BOM that names another
 * encoding is an error for that input: either the option or the file is not what the user
 * thinks, and decoding either way could give mojibake.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from './errors.js';

export const ENCODINGS = ['auto', 'utf8', 'utf16le', 'utf16be', 'windows-1256'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type ConcreteEncoding = Exclude<Encoding, 'auto'>;

const WHATWG: Record<ConcreteEncoding, string> = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', 'windows-1256': 'windows-1256' };

export function parseEncoding(name: string): Encoding | undefined {
  const n = name.toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, Encoding> = {
    auto: 'auto',
    utf8: 'utf8',
    'utf-8': 'utf8',
    utf16le: 'utf16le',
    'utf-16le': 'utf16le',
    utf16be: 'utf16be',
    'utf-16be': 'utf16be',
    'windows-1256': 'windows-1256',
    cp1256: 'windows-1256',
    win1256: 'windows-1256',
  };
  return aliases[n];
}

/** An input that is binary (NUL bytes, no UTF-16 BOM): skipped while walking, an error when named. */
export class BinaryInputError extends InputError {
  constructor(source: string) {
    super(source, 'binary file (NUL bytes); not text');
  }
}

const ENCODING_NAMES: Record<ConcreteEncoding, string> = { utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE', 'windows-1256': 'Windows-1256' };

/**
 * The UTF-16 byte order of bytes that hold NULs, when they look like UTF-16 text without a
 * BOM: the NULs (high bytes of ASCII characters: spaces, digits, Latin letters) sit on one
 * side of the byte pairs, the data decodes as valid UTF-16, and it holds almost no control
 * characters. Binary data has NULs on both sides, or fails one of the other two checks.
 */
export function utf16WithoutBom(b: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(b.length, 1 << 16) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  // Spaces alone are a sixth of Arabic text; U+0600, U+2000 ... put a NUL on the other
  // side, so a few are allowed there.
  if (Math.max(even, odd) < Math.max(2, n / 200)) return undefined;
  const order = odd > even * 20 ? 'utf16le' : even > odd * 20 ? 'utf16be' : undefined;
  if (!order) return undefined;
  let text: string;
  try {
    text = new TextDecoder(WHATWG[order], { fatal: true }).decode(b.subarray(0, n), { stream: true });
  } catch {
    return undefined;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls <= text.length / 100 ? order : undefined;
}

/** The error for bytes with NUL bytes: binary, or UTF-16 text without a BOM. */
function nulError(b: Uint8Array, source: string): InputError {
  const order = utf16WithoutBom(b);
  if (!order) return new BinaryInputError(source);
  return new InputError(source, `looks like UTF-16 ${order === 'utf16le' ? 'LE' : 'BE'} text without a byte-order mark; give --encoding ${order}`);
}

/**
 * Checks the start of an input against a forced encoding: a BOM that names another encoding,
 * or NUL bytes in an encoding where they mean binary data, throw InputError.
 */
export function checkForcedEncoding(b: Uint8Array, enc: ConcreteEncoding, source: string): void {
  const bom = bomEncoding(b);
  if (bom && bom.encoding !== enc) {
    throw new InputError(
      source,
      `its byte-order mark says ${ENCODING_NAMES[bom.encoding]} but --encoding ${enc} was given; leave --encoding out (a BOM is read by itself) or give --encoding ${bom.encoding}`,
    );
  }
  if ((enc === 'utf8' || enc === 'windows-1256') && hasNul(b)) throw nulError(b, source);
}

export interface Decoded {
  text: string;
  encoding: ConcreteEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The encoding a BOM announces, and the BOM's length. */
export function bomEncoding(b: Uint8Array): { encoding: ConcreteEncoding; length: number } | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf16be', length: 2 };
  return undefined;
}

export function hasNul(b: Uint8Array, limit = b.length): boolean {
  return b.subarray(0, Math.min(limit, b.length)).indexOf(0) !== -1;
}

/**
 * Decides the encoding of a whole input or of its first bytes (`partial`: more follows, so
 * an incomplete sequence at the very end is not held against UTF-8). Throws InputError.
 */
export function detectEncoding(b: Uint8Array, source: string, partial = false): ConcreteEncoding {
  const bom = bomEncoding(b);
  if (bom) return bom.encoding;
  if (hasNul(b)) throw nulError(b, source);
  // Native validation first: nearly every input is valid UTF-8, and the byte loop below is slow.
  if (isUtf8(b)) return 'utf8';
  const stats = utf8Stats(b, partial);
  if (stats.invalid === 0) return 'utf8';
  if (stats.invalid > stats.validMulti && looksLikeCp1256(b)) return 'windows-1256';
  throw new InputError(source, `invalid UTF-8 at byte ${stats.firstInvalid} (not Windows-1256 Arabic either; use --encoding if the file is in another encoding)`);
}

/** Decodes a whole input (BOM dropped). Throws InputError (BinaryInputError for binary data). */
export function decodeBytes(b: Uint8Array, source: string, encoding: Encoding = 'auto'): Decoded {
  const enc = encoding === 'auto' ? detectEncoding(b, source) : encoding;
  if (encoding !== 'auto') checkForcedEncoding(b, enc, source);
  return { text: decodeAs(b, enc, source), encoding: enc };
}

export function decodeAs(b: Uint8Array, enc: ConcreteEncoding, source: string): string {
  if (enc === 'utf8') {
    // Valid UTF-8 (checked natively): Buffer's decoder is faster than TextDecoder and gives
    // the same text; the BOM is dropped as TextDecoder drops it. Invalid input takes the
    // strict path below, which reports the byte offset.
    if (isUtf8(b)) {
      const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
      return Buffer.from(b.buffer, b.byteOffset + bom, b.byteLength - bom).toString('utf8');
    }
    try {
      return utf8.decode(b);
    } catch {
      throw new InputError(source, `invalid UTF-8 at byte ${firstInvalidUtf8(b)} (use --encoding if the file is in another encoding)`);
    }
  }
  const dec = new TextDecoder(WHATWG[enc], { fatal: true, ignoreBOM: false });
  try {
    return dec.decode(b);
  } catch {
    throw new InputError(source, `invalid ${enc === 'windows-1256' ? 'Windows-1256' : enc === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE'} data`);
  }
}

/** Kept for callers of the first version: strict UTF-8. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  return decodeAs(bytes, 'utf8', source);
}

/** A streaming strict decoder for inputs read in pieces. */
export class StreamDecoder {
  private readonly dec: InstanceType<typeof TextDecoder>;
  private bytesSeen = 0;
  constructor(
    readonly encoding: ConcreteEncoding,
    private readonly source: string,
  ) {
    this.dec = new TextDecoder(WHATWG[encoding], { fatal: true, ignoreBOM: false });
  }
  write(b: Uint8Array): string {
    try {
      const s = this.dec.decode(b, { stream: true });
      this.bytesSeen += b.length;
      return s;
    } catch {
      throw this.error(b);
    }
  }
  end(): string {
    try {
      return this.dec.decode();
    } catch {
      return this.fail(`input ends inside a ${this.encoding} character`);
    }
  }
  private error(b: Uint8Array): InputError {
    if (this.encoding === 'utf8') {
      const at = firstInvalidUtf8(b);
      return new InputError(this.source, `invalid UTF-8 near byte ${this.bytesSeen + Math.max(at, 0)} (use --encoding if the file is in another encoding)`);
    }
    return new InputError(this.source, `invalid ${this.encoding} data near byte ${this.bytesSeen}`);
  }
  private fail(msg: string): never {
    throw new InputError(this.source, msg);
  }
}

interface Utf8Stats {
  validMulti: number;
  invalid: number;
  firstInvalid: number;
}

function utf8Stats(b: Uint8Array, partial: boolean): Utf8Stats {
  let i = 0;
  let validMulti = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(b, i);
    if (len > 0) {
      validMulti++;
      i += len;
    } else if (len === -2 && partial) {
      break; // cut by the sample boundary
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { validMulti, invalid, firstInvalid };
}

/** Length of the valid multi-byte sequence at i; 0 when invalid; -2 when cut by the end of the buffer. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  let need: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) {
    need = 1;
    min = 0x80;
  } else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    min = 0x800;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    min = 0x10000;
  } else return 0;
  let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return -2;
    const d = b[i + k];
    if ((d & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/**
 * Windows-1256 Arabic: letters are 0xC1-0xFE (with Latin accented letters interleaved) plus
 * a few Persian letters and Arabic punctuation in 0x80-0xBF. Text is taken for cp1256 when
 * at least 70% of its high bytes are Arabic letters, Arabic punctuation or digits.
 */
const CP1256_ARABIC = new Uint8Array(256);
{
  const dec = new TextDecoder('windows-1256');
  for (let c = 0x80; c < 0x100; c++) {
    const ch = dec.decode(new Uint8Array([c]));
    if (/\p{Script=Arabic}/u.test(ch)) CP1256_ARABIC[c] = 1;
  }
}

export function looksLikeCp1256(b: Uint8Array): boolean {
  let high = 0;
  let arabic = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80) continue;
    high++;
    arabic += CP1256_ARABIC[c];
  }
  return high >= 4 && arabic / high >= 0.7;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (-1 if none). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    if (b[i] < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(b, i);
    if (len <= 0) return i;
    i += len;
  }
  return -1;
}
