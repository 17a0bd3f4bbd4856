// repeated-sentence: the same sentence twice in one document, also twice inside one paragraph
// (001 line 569). Sentences inside paragraphs that duplicate-section already reports as copies are
// left to it, so a copied block is one finding, not one per sentence.
import { z } from 'zod';
import { charClass, removeChars } from '../normalize/char-class.js';
import { duplicateParagraphs } from './shared-duplicates.js';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({
  /** Shortest sentence compared, in characters of the normalised text (punctuation not counted). */
  minLength: z.number().int().min(2).default(8),
}).strict();

const isPunctuationOrSpace = charClass(/^[\p{P}\p{S}\s]$/u);
/**
 * The sentence as compared: without a leading outline number ((二), 3.) and without punctuation and
 * spaces, so 。 vs ； or a space do not matter.
 */
const comparable = (text: string) =>
  removeChars(text.replace(/^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]、?|[一二三四五六七八九十\d]{1,3}[、.．])/u, ''), isPunctuationOrSpace);

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'repeated-sentence',
    ...catalogued('repeated-sentence', ['repeated']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/repeated-sentence.md',
    usesSegmentation: false,
    extracts: [],
    fixable: false,
  },
  check(context, { minLength }) {
    const { doc } = context;
    // Copied paragraphs are duplicate-section's to report — when that check is on.
    const copies = context.enabled('duplicate-section') ? duplicateParagraphs(context) : { areCopies: () => false };
    const title = doc.titleSpan ? comparable(doc.normalized.text.slice(doc.titleSpan.start, doc.titleSpan.end)) : null;
    const first = new Map<string, (typeof doc.sentences)[number]>();
    const found: Diagnostic[] = [];
    for (const sentence of doc.sentences) {
      const key = comparable(sentence.text);
      if (key.length < minLength || key === title) continue; // the page title repeated is layout
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, sentence);
        continue;
      }
      // Copies of whole paragraphs are duplicate-section's to report.
      if (earlier.paragraph !== sentence.paragraph && copies.areCopies(earlier.paragraph, sentence.paragraph)) continue;
      const at = doc.locate(earlier.start, earlier.end);
      found.push({
        start: sentence.start,
        end: sentence.end,
        messageId: 'repeated',
        data: { line: at.line, column: at.column },
        related: [{ start: earlier.start, end: earlier.end, similarity: 1 }],
        similarity: 1,
      });
    }
    return found;
  },
};

export default check;
