// reused-text: paragraphs of the draft copied, whole or nearly, from the earlier reports given with
// `check --against` (files or folders, any format the tool reads), each reported with the file and
// line it came from. Headings, the title and short phrases are not compared; neighbouring copied
// paragraphs from one report are one finding. Without --against it finds nothing.
import { z } from 'zod';
import { isHeadingOnly, type ReferenceMatch } from './reuse/index.js';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({
  /** Jaccard or containment of folded character 5-grams at or above which a paragraph is a copy. */
  threshold: z.number().min(0.5).max(1).default(0.8),
  /** Paragraphs shorter than this (folded: no punctuation, numbers or list markers) are not compared. */
  minChars: z.number().int().min(8).default(20),
  /** Uncopied paragraphs allowed inside one run of copied ones. */
  maxGap: z.number().int().min(0).default(1),
}).strict();

interface Copied {
  paragraph: number;
  match: ReferenceMatch;
}

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'reused-text',
    ...catalogued('reused-text', ['paragraph', 'block']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/reused-text.md',
    usesSegmentation: false,
    extracts: [],
    fixable: false,
  },
  check(context, { threshold, minChars, maxGap }) {
    const { doc, reference } = context;
    if (!reference || reference.size === 0) return [];
    const skipFile = reference.fileOf(doc.path);
    const copied: Copied[] = [];
    for (const p of doc.paragraphs) {
      if (isHeadingOnly(doc, p.start, p.end)) continue;
      const match = reference.bestParagraph(p.text, { threshold, minChars, skipFile });
      if (match) copied.push({ paragraph: p.index, match });
    }
    // Runs: the next copied paragraph follows within maxGap, from the same report, a little further on.
    const runs: Copied[][] = [];
    for (const c of copied) {
      const run = runs.at(-1);
      const last = run?.at(-1);
      const follows = last && c.paragraph - last.paragraph <= maxGap + 1 && c.match.passage.file === last.match.passage.file
        && c.match.passage.paragraph > last.match.passage.paragraph && c.match.passage.paragraph - last.match.passage.paragraph <= maxGap + 1;
      if (follows) run!.push(c);
      else runs.push([c]);
    }
    return runs.map((run): Diagnostic => {
      const first = run[0]!;
      const last = run.at(-1)!;
      const file = reference.files[first.match.passage.file]!.path;
      const similarity = Math.round((run.reduce((s, c) => s + c.match.similarity, 0) / run.length) * 1000) / 1000;
      const from = first.match.passage.place;
      const to = last.match.passage.place;
      return {
        start: doc.paragraphs[first.paragraph]!.start,
        end: doc.paragraphs[last.paragraph]!.end,
        messageId: run.length > 1 ? 'block' : 'paragraph',
        data: { file, line: from.line, lines: to.endLine > from.line ? `${from.line}–${to.endLine}` : `${from.line}`, count: last.paragraph - first.paragraph + 1, similarity: similarity.toFixed(2) },
        related: run.map((c) => ({ file, place: c.match.passage.place, similarity: Math.round(c.match.similarity * 1000) / 1000 })),
        similarity,
      };
    });
  },
};

export default check;
