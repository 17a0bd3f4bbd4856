// The encodings zongjie reads and writes: canonical names, the aliases `--encoding` accepts, the
// shape of decoded text, and the error raised when bytes cannot become text.

export interface DecodedText {
  text: string;
  /** Canonical name: utf-8, utf-16le, utf-16be, gb18030 or big5. */
  encoding: string;
  /** Whether the input began with a byte order mark (removed from `text`). */
  bom: boolean;
}

/** The bytes could not be turned into text; the message says why, in plain English. */
export class DecodeError extends Error {
  override name = 'DecodeError';
}

export const CANONICAL_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type CanonicalEncoding = (typeof CANONICAL_ENCODINGS)[number];

// GBK, GB2312 and CP936 decode correctly as GB18030 (a strict superset), so they share one decoder.
// "utf-16" without an endianness means: follow the BOM, little-endian if there is none (as Windows writes it).
const ENCODING_ALIASES: Record<string, CanonicalEncoding | 'utf-16'> = {
  'utf8': 'utf-8',
  'utf-8': 'utf-8',
  'utf16': 'utf-16',
  'utf-16': 'utf-16',
  'utf16le': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf16be': 'utf-16be',
  'utf-16be': 'utf-16be',
  'ucs2': 'utf-16le',
  'ucs-2': 'utf-16le',
  'gb18030': 'gb18030',
  'gbk': 'gb18030',
  'gb2312': 'gb18030',
  'cp936': 'gb18030',
  'euc-cn': 'gb18030',
  'big5': 'big5',
  'big5-hkscs': 'big5',
  'big5hkscs': 'big5',
  'cp950': 'big5',
};

/** The encoding names `--encoding` accepts, for help texts and error messages. */
export const ACCEPTED_ENCODING_NAMES: readonly string[] = Object.keys(ENCODING_ALIASES);

/**
 * An encoding name or alias as given, trimmed and case-insensitive; "utf-16" stays open (its byte
 * order comes from the BOM). Throws DecodeError for an unknown name.
 */
export function resolveEncodingName(name: string): CanonicalEncoding | 'utf-16' {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  const found = ENCODING_ALIASES[key];
  if (!found) {
    throw new DecodeError(`unknown encoding "${name}" (accepted: ${ACCEPTED_ENCODING_NAMES.join(', ')})`);
  }
  return found;
}

/** The canonical name for an encoding name or alias; throws DecodeError for an unknown one. */
export function canonicalEncoding(name: string): CanonicalEncoding {
  const resolved = resolveEncodingName(name);
  return resolved === 'utf-16' ? 'utf-16le' : resolved;
}
