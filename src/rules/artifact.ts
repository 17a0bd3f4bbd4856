// artifact: scrape damage the normaliser cleaned for analysis (拼音残留 總結(jié), HTML 实体, 民-主), reported
// so an editor fixes the source; all but page numbers have a safe fix.
import { z } from 'zod';
import { catalogued, type Check, type Diagnostic } from './types.js';

const options = z.object({}).strict();

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'artifact',
    ...catalogued('artifact', ['pinyin', 'entity', 'inserted', 'line-number', 'broken-number']),
    defaultSeverity: 'warning',
    options,
    docs: 'docs/rules/artifact.md',
    usesSegmentation: false,
    extracts: [],
    fixable: true,
  },
  check(context) {
    const { doc } = context;
    return doc.normalized.artifacts.map((a): Diagnostic => {
      const at = doc.normalized.map.fromSource(a.start);
      return {
        start: at,
        end: at,
        original: { start: a.start, end: a.end },
        messageId: a.kind,
        data: { text: a.text.trim(), replacement: a.replacement },
        // Joining lines cut by page numbers changes the layout: left to the editor.
        ...(a.kind === 'line-number' ? {} : { fix: { start: a.start, end: a.end, text: a.replacement } }),
      };
    });
  },
};

export default check;
