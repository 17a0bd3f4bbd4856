// Decoders: bytes to a string in a known encoding, strictly (null when the bytes are not valid in
// it) or leniently, and where UTF-8 first breaks, for error messages. BOMs are the caller's job.
import iconv from 'iconv-lite';
import type { CanonicalEncoding } from './encodings.js';

/** Strict UTF-8: null for any invalid sequence. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without the lenient replacement: unpaired surrogates or an odd byte count mean "not UTF-16". */
export function decodeUtf16Strict(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | null {
  if (bytes.length % 2 !== 0) return null;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Lenient decoding in a known encoding: invalid bytes become U+FFFD; a BOM is kept as text. */
export function decodeWith(bytes: Uint8Array, encoding: CanonicalEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    case 'utf-16le':
    case 'utf-16be':
      return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    case 'gb18030':
    case 'big5':
      // iconv-lite strips a leading BOM by default; BOMs are handled by the caller, so keep everything.
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
  }
}

/** Offset of the first byte that breaks UTF-8, for an error message a user can act on. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need > 0 && decodeUtf8Strict(bytes.subarray(i, i + need + 1)) === null) return i;
    i += need + 1;
  }
  return i;
}
