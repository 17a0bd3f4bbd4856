// What a check is: metadata (id, descriptions, default severity, options, messages, docs) and a
// pure function from an analysed document to diagnostics. The engine stamps id, severity and url.
import type { z } from 'zod';
import type { SourceCode, SourceLocation } from '../source/source-code.js';
import type { Extraction, ExtractKind } from '../extract/index.js';
import type { Lexicon } from '../config/lexicon.js';
import type { ReferenceIndex } from './reuse/index.js';

import type { Severity } from '../config/severity.js';
import { isMessageKey, messages as catalogue } from '../text/messages.js';
import { traditionalText } from '../text/traditional.js';

export type { Severity } from '../config/severity.js';
export type Lang = 'zh' | 'en';

/** A message in both languages; `{name}` slots are filled from a diagnostic's data. */
export interface Bilingual {
  zh: string;
  en: string;
  /** The Chinese in traditional characters (for traditional drafts), when the catalogue has it. */
  zhHant?: string;
}

export interface CheckMeta<Options = unknown> {
  id: string;
  description: Bilingual;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** Zod schema of the options; defaults live in it. */
  options: z.ZodType<Options>;
  messages: Record<string, Bilingual>;
  /** Path of the docs page, relative to the package root. */
  docs: string;
  /** Whether the check reads the word segmentation (a run without such checks never loads jieba). */
  usesSegmentation: boolean;
  /** The kinds of extraction it reads: a run extracts only what its checks read (none: no extraction). */
  extracts: readonly ExtractKind[];
  /** Whether its fixes are safe for `--fix`. */
  fixable: boolean;
}

/** A range of the NORMALISED text; the engine maps it to the original. */
export interface Range {
  start: number;
  end: number;
}

export interface Fix {
  /** Range of the ORIGINAL text to replace, and the replacement. */
  start: number;
  end: number;
  text: string;
}

/** A place in another file (the earlier report a paragraph was copied from), located already. */
export interface ExternalPlace {
  file: string;
  place: SourceLocation;
  similarity?: number;
}

export interface Diagnostic extends Range {
  messageId: string;
  /** The ORIGINAL range, for findings with no place in the normalised text (a removed artifact). */
  original?: Range;
  data?: Record<string, string | number>;
  /** Other places (the earlier copy of a duplicate), with the similarity where it applies. */
  related?: ((Range & { similarity?: number }) | ExternalPlace)[];
  similarity?: number;
  fix?: Fix;
}

/** Everything a check may read, computed once per document and shared by all checks. */
export interface CheckContext {
  /** The document: its text, outline, words (`doc.words`) and places (`doc.locate`). */
  doc: SourceCode;
  lexicon: Lexicon;
  /**
   * The extraction, computed once, of the kinds the run's checks declare in `meta.extracts` (so
   * placeholders alone never load the segmenter, and no check pays for activities).
   */
  extraction(): Extraction;
  /** The earlier reports of `check --against`, indexed once per run; null without --against. */
  reference: ReferenceIndex | null;
  /** Whether another check is on in this run (repeated-sentence leaves copied paragraphs to duplicate-section only when it is). */
  enabled(id: string): boolean;
}

export interface Check<Options = unknown> {
  meta: CheckMeta<Options>;
  check(context: CheckContext, options: Options): Diagnostic[];
}

// A template split once into its text and its slot names (odd places): a check run formats a
// message per finding, and a replace with a callback per slot was most of that cost.
const compiled = new Map<string, string[]>();

/** Fill `{name}` slots; a slot with no data stays as written. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in data ? String(data[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * A rule's description and messages, from the one catalogue of texts (src/text/messages.ts): the
 * description under `check.<id>`, each message under `check.<id>.<messageId>`. A key missing from
 * the catalogue is a programming mistake and fails at load.
 */
export function catalogued(id: string, messageIds: readonly string[]): { description: Bilingual; messages: Record<string, Bilingual> } {
  const entry = (key: string): Bilingual => {
    if (!isMessageKey(key)) throw new Error(`src/text/messages.ts has no text ${key}`);
    return { zh: catalogue.zh[key], en: catalogue.en[key], zhHant: traditionalText(key) };
  };
  return { description: entry(`check.${id}`), messages: Object.fromEntries(messageIds.map((m) => [m, entry(`check.${id}.${m}`)])) };
}
