// blank-count: a classifier or unit whose number was never filled in (公司现有员工人, 征集“金点子”条).
import { z } from 'zod';
import { catalogued, type Check } from './types.js';

const options = z.object({}).strict();

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'blank-count',
    ...catalogued('blank-count', ['blank']),
    defaultSeverity: 'error',
    options,
    docs: 'docs/rules/blank-count.md',
    usesSegmentation: true,
    extracts: ['blanks'],
    fixable: false,
  },
  check(context) {
    // The unit as written, like the context quoted around it (項 in a traditional report, not 项).
    return context.extraction().blanks.map((b) => ({ ...b.span, messageId: 'blank', data: { unit: context.doc.originalText(b.span.start, b.span.end) || b.unit, context: b.context } }));
  },
};

export default check;
