// placeholder: text left unfilled in a draft (202_, 20xx, xx, __, ××, 某某, X月X日, ~年).
import { z } from 'zod';
import type { Check } from './types.js';

const options = z.object({}).strict();

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'placeholder',
    description: { zh: '遗留的占位符（202_、20xx、xx、__、××、某某）', en: 'Leftover placeholders (202_, 20xx, xx, __, ××, 某某)' },
    defaultSeverity: 'error',
    options,
    messages: {
      placeholder: { zh: '占位符“{text}”尚未填写', en: 'Placeholder "{text}" has not been filled in' },
    },
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
