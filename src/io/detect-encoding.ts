// Encoding detection for input without a BOM: which byte order BOM-less UTF-16 has, whether
// invalid UTF-8 is still mostly UTF-8, and which of GB18030 and Big5 reads as real Chinese.
// Each candidate is decoded on a sample and judged by its text profile.
import { decodeWith } from './decoders.js';
import { type CanonicalEncoding, DecodeError } from './encodings.js';
import { assertNotBinaryText, countAscii, profile, sample, type TextProfile } from './text-profile.js';

/**
 * Is this UTF-16 in the given byte order? The decoding must be valid (no unpaired surrogates) and
 * look like a report: nearly all code units CJK, ASCII or punctuation, and (when there are enough
 * ideographs to judge) a good share of them common characters rather than random ones.
 */
function utf16Likelihood(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): number {
  // Lenient here, since a sample may end inside a surrogate pair; the caller decodes the whole
  // input strictly, and stray surrogates (now U+FFFD) count against the text share.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(sample(bytes));
  const p = profile(text);
  if (p.chars === 0) return 0;
  const textShare = p.textLike / p.chars;
  if (textShare < 0.9) return 0;
  if (p.cjk >= 8 && p.common / p.cjk < 0.3) return 0;
  return textShare;
}

/** Picks the byte order of BOM-less UTF-16, or null when neither reads as text. */
export function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const le = utf16Likelihood(bytes, 'utf-16le');
  const be = utf16Likelihood(bytes, 'utf-16be');
  if (le === 0 && be === 0) return null;
  if (le === be) {
    // Equal scores (e.g. CJK text whose code units all read as other CJK when swapped) are settled
    // by where the zero bytes sit: ASCII in little-endian has its zero byte second.
    return zeroBytesAtOddPositions(bytes) >= zeroBytesAtEvenPositions(bytes) ? 'utf-16le' : 'utf-16be';
  }
  return le > be ? 'utf-16le' : 'utf-16be';
}

function zeroBytesAtOddPositions(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) n++;
  return n;
}

function zeroBytesAtEvenPositions(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i += 2) if (bytes[i] === 0) n++;
  return n;
}

/**
 * How much a legacy decoding reads like real Chinese: common characters count for it, replacement
 * characters, private-use code points (where GB18030 puts Big5 bytes it cannot map) and controls
 * count heavily against it. Normalised by the non-ASCII characters, since ASCII decodes the same way in both.
 */
function legacyScore(p: TextProfile, nonAscii: number): number {
  return (p.common - 3 * p.bad) / Math.max(1, nonAscii);
}

/**
 * The better of GB18030 and Big5 for bytes that are neither UTF-8 nor UTF-16; throws DecodeError
 * when neither reads as Chinese text (or the better one looks binary).
 */
export function detectLegacy(bytes: Uint8Array): CanonicalEncoding {
  const head = sample(bytes);
  let best: { encoding: CanonicalEncoding; score: number; profile: TextProfile; nonAscii: number } | null = null;
  // GB18030 first: on a tie the mainland encoding is the likelier one.
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = decodeWith(head, encoding);
    const p = profile(text);
    const nonAscii = p.chars - countAscii(text);
    const score = legacyScore(p, nonAscii);
    if (!best || score > best.score) best = { encoding, score, profile: p, nonAscii };
  }
  const chosen = best!;
  assertNotBinaryText(chosen.profile);
  // Neither reads as text (Latin-1, Shift-JIS, a format we do not know): say so rather than return garbage.
  // Real Chinese is mostly common characters (over half, even in lists of names); a wrong reading
  // of other bytes, Shift-JIS say, gives valid but random ideographs, few of them common.
  const randomIdeographs = chosen.profile.cjk >= 16 && chosen.profile.common < 0.15 * chosen.profile.cjk;
  if (randomIdeographs || chosen.profile.bad > Math.max(2, 0.2 * chosen.nonAscii)) {
    throw new DecodeError(
      'cannot tell the encoding: the bytes are not valid UTF-8, UTF-16, GB18030 or Big5 text (name it with --encoding)',
    );
  }
  return chosen.encoding;
}

/**
 * UTF-8 with a few broken sequences: a file cut off inside a character, or a stray byte from a
 * bad copy. Read it as UTF-8 (the broken bytes become U+FFFD) rather than misreading the whole
 * file as GB18030. Real GB18030 or Big5 text read as UTF-8 breaks on nearly every character.
 */
export function isMostlyUtf8(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(sample(bytes));
  const p = profile(text);
  let replacements = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) replacements++;
  const nonAscii = p.chars - countAscii(text);
  return p.cjk >= 16 && p.common >= 0.5 * p.cjk && replacements * 100 <= nonAscii && p.controls === 0;
}
