// duplicate-section: paragraphs, runs of paragraphs and whole sections copied within a document,
// identical or nearly so (placeholders, numbers and list markers folded). Each copy is reported
// once, on the later copy, with the earlier one in `related` and the similarity.
import { z } from 'zod';
import { duplicateParagraphs } from './shared-duplicates.js';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({
  /** Jaccard or containment of character 5-grams at or above which two paragraphs are copies. */
  threshold: z.number().min(0.5).max(1).default(0.8),
  /** Paragraphs shorter than this (folded) are not compared on their own. */
  minChars: z.number().int().min(4).default(12),
  /** Consecutive copied paragraphs reported as one block from this many on. */
  minBlock: z.number().int().min(2).default(3),
}).strict();

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'duplicate-section',
    ...catalogued('duplicate-section', ['block', 'section', 'paragraph']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/duplicate-section.md',
    usesSegmentation: false,
    extracts: [],
    fixable: false,
  },
  check(context, { threshold, minChars, minBlock }) {
    const { doc } = context;
    const { findings } = duplicateParagraphs(context, { threshold, minChars, minBlock });
    // A lone heading that matches another (篇1 and 篇4 titles differ only in their number) is no copy.
    const headingOnly = (p: number) => {
      const paragraph = doc.paragraphs[p]!;
      return doc.sections.some((s) => s.start === paragraph.start && s.headingEnd >= paragraph.end);
    };
    return findings.filter((f) => f.kind === 'block' || !headingOnly(f.copy[0])).map((f): Diagnostic => {
      const copyStart = doc.paragraphs[f.copy[0]]!.start;
      const copyEnd = doc.paragraphs[f.copy[1]]!.end;
      const originalStart = doc.paragraphs[f.original[0]]!.start;
      const originalEnd = doc.paragraphs[f.original[1]]!.end;
      const at = doc.locate(originalStart, originalEnd);
      const similarity = f.similarity.toFixed(2);
      const count = f.copy[1] - f.copy[0] + 1;
      // A copy that starts at a section heading and runs to that section's end is a copied section.
      const section = doc.sectionAt(copyStart);
      const wholeSection = section !== null && section.start === copyStart && section.end <= copyEnd + 1;
      const messageId = wholeSection ? 'section' : f.kind === 'block' ? 'block' : 'paragraph';
      return {
        start: copyStart,
        end: copyEnd,
        messageId,
        data: { count, line: at.line, lines: at.endLine > at.line ? `${at.line}–${at.endLine}` : `${at.line}`, similarity, title: section?.title ?? '' },
        related: [{ start: originalStart, end: originalEnd, similarity: f.similarity }],
        similarity: f.similarity,
      };
    });
  },
};

export default check;
