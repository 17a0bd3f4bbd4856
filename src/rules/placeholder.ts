// placeholder: text left unfilled in a draft (202_, 20xx, xx, __, ××, 某某, X月X日, ~年).
import { z } from 'zod';
import { catalogued, type Check } from './types.js';

const options = z.object({}).strict();

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'placeholder',
    ...catalogued('placeholder', ['placeholder']),
    defaultSeverity: 'error',
    options,
    docs: 'docs/rules/placeholder.md',
    usesSegmentation: false,
    extracts: ['placeholders'],
    fixable: false,
  },
  check(context) {
    return context.extraction().placeholders.map((p) => ({ ...p.span, messageId: 'placeholder', data: { text: p.text } }));
  },
};

export default check;
