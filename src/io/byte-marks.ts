// Byte order marks: the signatures of UTF-8, UTF-16 and GB18030 text, which one (if any) starts
// the input, and the byte-prefix test they and the binary signatures share.
import type { CanonicalEncoding } from './encodings.js';

export const BOM_UTF8 = [0xef, 0xbb, 0xbf];
export const BOM_UTF16LE = [0xff, 0xfe];
export const BOM_UTF16BE = [0xfe, 0xff];
// U+FEFF in GB18030's four-byte form: rare, but some Chinese tools write it.
export const BOM_GB18030 = [0x84, 0x31, 0x95, 0x33];

/** Whether the bytes hold `prefix` at offset `at`. */
export function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** The BOM the bytes start with: its encoding and length in bytes, or null. */
export function bomOf(bytes: Uint8Array): { encoding: CanonicalEncoding; length: number } | null {
  if (startsWith(bytes, BOM_UTF8)) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, BOM_UTF16LE)) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, BOM_UTF16BE)) return { encoding: 'utf-16be', length: 2 };
  if (startsWith(bytes, BOM_GB18030)) return { encoding: 'gb18030', length: 4 };
  return null;
}
