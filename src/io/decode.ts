// Bytes → text: detects UTF-8, UTF-16 (with or without BOM), GB18030 and Big5, and refuses binary
// data. This module holds the order of the checks (decodeBytes) and is the io module's entry for
// decoding; the parts live beside it: encodings.ts (names, DecodeError), byte-marks.ts (BOMs),
// binary-signatures.ts, text-profile.ts (judging text), decoders.ts, detect-encoding.ts (BOM-less
// input) and encode-text.ts (the way back, for --fix).
import { binaryFormat } from './binary-signatures.js';
import { bomOf } from './byte-marks.js';
import { decodeUtf16Strict, decodeUtf8Strict, decodeWith, firstInvalidUtf8 } from './decoders.js';
import { detectLegacy, detectUtf16, isMostlyUtf8 } from './detect-encoding.js';
import { type CanonicalEncoding, DecodeError, type DecodedText, resolveEncodingName } from './encodings.js';
import { assertNotBinaryStart } from './text-profile.js';

export {
  type CanonicalEncoding,
  DecodeError,
  type DecodedText,
} from './encodings.js';
export { encodeText } from './encode-text.js';

function result(text: string, encoding: CanonicalEncoding, bom: boolean): DecodedText {
  return { text, encoding, bom };
}

/** Decode in a named encoding ("utf-16": the BOM's byte order, else little-endian); its BOM is removed. */
function decodeAs(bytes: Uint8Array, requested: CanonicalEncoding | 'utf-16'): DecodedText {
  const bom = bomOf(bytes);
  let encoding: CanonicalEncoding;
  if (requested === 'utf-16') {
    encoding = bom?.encoding === 'utf-16be' ? 'utf-16be' : 'utf-16le';
  } else {
    encoding = requested;
  }
  const hasBom = bom !== null && bom.encoding === encoding;
  const body = hasBom ? bytes.subarray(bom.length) : bytes;
  if (encoding === 'utf-8') {
    const text = decodeUtf8Strict(body);
    if (text === null) throw new DecodeError(`not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(body) + (hasBom ? 3 : 0)})`);
    return result(text, encoding, hasBom);
  }
  return result(decodeWith(body, encoding), encoding, hasBom);
}

/**
 * Decode a file's bytes. With `options.encoding` the named encoding is used (a matching BOM is
 * still removed); otherwise it is detected: binary signatures, then a BOM, then BOM-less UTF-16
 * when there are zero bytes, then strict UTF-8, then BOM-less UTF-16 CJK text, then UTF-8 with a
 * few broken bytes, then the better of GB18030 and Big5.
 * Line ends are left as they are, so positions count them.
 */
export function decodeBytes(bytes: Uint8Array, options: { encoding?: string } = {}): DecodedText {
  const requested = options.encoding !== undefined ? resolveEncodingName(options.encoding) : null;
  const format = binaryFormat(bytes);
  if (format) throw new DecodeError(`binary file (${format})`);
  if (requested) {
    const decoded = decodeAs(bytes, requested);
    if (!decoded.encoding.startsWith('utf-16') && decoded.text.includes('\0')) throw new DecodeError('binary file (NUL bytes)');
    return decoded;
  }
  if (bytes.length === 0) return result('', 'utf-8', false);

  const bom = bomOf(bytes);
  if (bom) {
    const decoded = decodeAs(bytes, bom.encoding);
    assertNotBinaryStart(decoded.text);
    if (bom.encoding !== 'utf-16le' && bom.encoding !== 'utf-16be' && decoded.text.includes('\0')) {
      throw new DecodeError('binary file (NUL bytes)');
    }
    return decoded;
  }

  // UTF-16 text (BOM-less) is where NUL bytes are legitimate: every ASCII character carries one.
  // Anywhere else a NUL byte means binary data.
  if (bytes.includes(0)) {
    const utf16 = detectUtf16(bytes);
    const text = utf16 ? decodeUtf16Strict(bytes, utf16) : null;
    if (!utf16 || text === null) throw new DecodeError('binary file (NUL bytes)');
    return result(text, utf16, false);
  }

  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) {
    assertNotBinaryStart(utf8);
    return result(utf8, 'utf-8', false);
  }

  // BOM-less UTF-16 gets here only without a single zero byte: no ASCII, not even a line end.
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    const text = decodeUtf16Strict(bytes, utf16);
    if (text !== null) return result(text, utf16, false);
  }

  if (isMostlyUtf8(bytes)) return result(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf-8', false);

  const legacy = detectLegacy(bytes);
  return result(decodeWith(bytes, legacy), legacy, false);
}
