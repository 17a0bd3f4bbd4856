// artifact: scrape damage the normaliser cleaned for analysis (拼音残留 總結(jié), HTML 实体, 民-主), reported
// so an editor fixes the source; all but page numbers have a safe fix.
import { z } from 'zod';
import type { Check, Diagnostic } from './types.js';

const options = z.object({}).strict();

const check: Check<z.infer<typeof options>> = {
  meta: {
    id: 'artifact',
    description: { zh: '抓取或转换留下的残留：拼音、HTML 实体、词中插入的字符、混入正文的页码、被拆开的数字', en: 'Scrape artifacts: stray pinyin, HTML entities, characters inside words, page numbers in the text, numbers broken apart' },
    defaultSeverity: 'warning',
    options,
    messages: {
      pinyin: { zh: '转换残留的拼音“{text}”', en: 'Stray pinyin "{text}" left by a converter' },
      entity: { zh: 'HTML 实体“{text}”应为“{replacement}”', en: 'HTML entity "{text}" should be "{replacement}"' },
      inserted: { zh: '词中多余的字符“{text}”', en: 'Stray character "{text}" inside a word' },
      'line-number': { zh: '页码或行号“{text}”混入正文', en: 'Page or line number "{text}" inside the text' },
      'broken-number': { zh: '数字被排版拆开（多余的空格或换行）', en: 'A number broken apart by layout (a stray space or line break)' },
    },
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
