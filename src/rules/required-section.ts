// required-section: sections a kind of report must have (存在问题/不足, 下一步工作/计划) that are absent.
import { z } from 'zod';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({
  /** Each required section: a name for messages and the words any of which a heading must hold. */
  sections: z.array(z.object({ id: z.string().min(1), patterns: z.array(z.string().min(1)).min(1) }).strict()).default([]),
}).strict();

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'required-section',
    ...catalogued('required-section', ['missing']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/required-section.md',
    usesSegmentation: false,
    extracts: [],
    fixable: false,
  },
  check(context, { sections }) {
    const { doc } = context;
    // Headings, and short paragraphs standing alone that read as headings in plain text.
    const headings = [
      ...doc.sections.map((s) => s.normalizedTitle),
      ...doc.paragraphs.filter((p) => p.text.length <= 30 && !/[。！？；，,]/.test(p.text)).map((p) => p.text),
    ];
    const anchor = doc.titleSpan ?? doc.paragraphs[0] ?? { start: 0, end: 0 };
    const found: Diagnostic[] = [];
    for (const section of sections) {
      if (headings.some((h) => section.patterns.some((p) => h.includes(p)))) continue;
      found.push({ start: anchor.start, end: anchor.end, messageId: 'missing', data: { section: section.id, patterns: section.patterns.join('、') } });
    }
    return found;
  },
};

export default check;
