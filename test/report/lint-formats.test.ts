// The formatters of `zongjie check` (stylish, json, sarif, github) on hand-built results with Chinese text.
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import type { LintFailure, LintResult } from '../../src/lint/types.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { displayWidth } from '../../src/report/stylish.js';
import { formatLintResults, LINT_FORMATS, streamLintResults, type LintFormatOptions } from '../../src/report/lint-formats.js';

const draft: LintResult = {
  file: 'reports/草稿.md',
  errorCount: 1,
  warningCount: 2,
  infoCount: 1,
  fixableCount: 1,
  messages: [
    {
      ruleId: 'placeholder', severity: 'error', message: '留有占位符“202_”', messageId: 'placeholder',
      line: 1, column: 3, endLine: 1, endColumn: 7, offset: 2, endOffset: 6,
      source: '202_年度工作总结', url: 'docs/rules/placeholder.md',
    },
    {
      ruleId: 'duplicate-section', severity: 'warning', message: '本节与前文重复', messageId: 'duplicate',
      line: 90, column: 1, endLine: 96, endColumn: 20, offset: 4100, endOffset: 4480,
      source: '（五）夯实基础建设\n加强阵地建设…', url: 'docs/rules/duplicate-section.md',
      related: [{ line: 40, column: 1, offset: 1800, endLine: 46, endColumn: 20, similarity: 0.98 }],
      similarity: 0.98,
    },
    {
      ruleId: 'doubled-word', severity: 'warning', message: '词语重复：“开展开展”', messageId: 'doubled',
      line: 12, column: 15, endLine: 12, endColumn: 19, offset: 340, endOffset: 344,
      source: '积极开展开展劳动竞赛', url: 'docs/rules/doubled-word.md', fix: { range: [340, 342], text: '' },
    },
    {
      ruleId: 'missing-number', severity: 'info', message: '缺少数字：发展新会员, 50%', messageId: 'missing',
      line: 8, column: 5, endLine: 8, endColumn: 10, offset: 150, endOffset: 155,
      source: '发展新会员', url: 'docs/rules/missing-number.md',
    },
  ],
};

const clean: LintResult = { file: 'reports/定稿.md', errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0, messages: [] };

const docx: LintResult = {
  file: 'reports/述职报告.docx',
  errorCount: 0,
  warningCount: 1,
  infoCount: 0,
  fixableCount: 0,
  positions: 'paragraph',
  messages: [
    {
      ruleId: 'year-consistency', severity: 'warning', message: '年份与正文不一致：2022', messageId: 'mismatch',
      line: 3, column: 12, endLine: 3, endColumn: 17, offset: 88, endOffset: 93,
      source: '2022年', url: 'docs/rules/year-consistency.md',
    },
  ],
};

const failure: LintFailure = { file: 'reports/坏文件.txt', error: '无法解码：不是 UTF-8、GB18030 或 Big5 文本' };

const options: LintFormatOptions = {
  lang: 'zh',
  color: false,
  version: '0.1.0',
  cwd: '/work/repo',
  rules: [
    { id: 'placeholder', description: '遗留的占位符（202_、xx）', url: 'docs/rules/placeholder.md', defaultSeverity: 'error' },
    { id: 'doubled-word', description: '重复的词（开展开展）', url: 'docs/rules/doubled-word.md', defaultSeverity: 'warning' },
    { id: 'duplicate-section', description: '重复的段落', url: 'docs/rules/duplicate-section.md', defaultSeverity: 'warning' },
    { id: 'missing-number', description: '缺少数字', url: 'https://example.org/missing-number', defaultSeverity: 'info' },
  ],
};

const results = [draft, clean, docx];
const format = (name: (typeof LINT_FORMATS)[number], r: LintResult[], f: LintFailure[], o: Partial<LintFormatOptions> = {}) =>
  formatLintResults(name, r, f, { ...options, ...o });
// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('LINT_FORMATS', () => {
  it('names the four formats and rejects others', () => {
    expect(LINT_FORMATS).toEqual(['stylish', 'json', 'sarif', 'github']);
    expect(() => formatLintResults('xml' as never, results, [], options)).toThrow(/unknown lint format "xml"/);
  });
});

describe('streamed output', () => {
  it('writes each file as it comes (SARIF at the end), and the pieces make the whole output', () => {
    for (const name of LINT_FORMATS) {
      const stream = streamLintResults(name, options);
      const pieces = results.map((r) => stream.file(r));
      const end = stream.end([failure]);
      expect(pieces.join('') + end).toBe(format(name, results, [failure]));
      if (name === 'sarif') expect(pieces).toEqual(['', '', '']);
      else expect(pieces[0]).toContain('placeholder');
    }
  });
  it('lays json out as JSON.stringify(array, null, 2), with and without elements', () => {
    for (const [r, f] of [[results, [failure]], [[], []], [[], [failure]], [[clean], []]] as [LintResult[], LintFailure[]][]) {
      const out = format('json', r, f);
      expect(out).toBe(JSON.stringify(JSON.parse(out), null, 2));
      expect(JSON.parse(out)).toHaveLength(r.length + f.length);
    }
  });
});

describe('displayWidth', () => {
  it('counts East Asian Wide and Fullwidth characters as two columns', () => {
    expect(displayWidth('错误')).toBe(4);
    expect(displayWidth('（五）')).toBe(6);
    expect(displayWidth('2022年')).toBe(6);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('warning')).toBe(7);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('a😀b𠀀c')).toBe(7);
  });
  it('counts combining marks, zero-width characters and colour escapes as nothing', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('葛\u{E0100}字')).toBe(4); // an ideographic variation selector, outside the BMP
    expect(displayWidth('\x1b[31m错误\x1b[39m')).toBe(4);
    expect(displayWidth('〇\u302a')).toBe(2); // an ideographic tone mark, inside the CJK punctuation block
  });
  it('agrees with string-width, whose shortcut for common characters it is', () => {
    const disagree: string[] = [];
    const compare = (text: string) => {
      if (displayWidth(text) !== stringWidth(text)) disagree.push(text);
    };
    // Every character of the blocks a report is written in, and their neighbours, alone and in text
    // beside Chinese (where a mark would join the character before it).
    const blocks = [[0, 0x2ff], [0x2000, 0x206f], [0x2e80, 0x303f], [0x4e00, 0x9fff], [0xfe00, 0xffff]];
    for (const [from, to] of blocks) {
      for (let cp = from!; cp <= to!; cp++) {
        compare(String.fromCharCode(cp));
        compare(`总结${String.fromCharCode(cp)}年`);
      }
    }
    // Every line of the corpus.
    const corpus = join(import.meta.dirname, '..', '..', 'corpus');
    for (const name of readdirSync(corpus).filter((f) => f.endsWith('.txt'))) {
      for (const line of readFileSync(join(corpus, name), 'utf8').split('\n')) compare(line);
    }
    for (const text of ['👍🏽完成', '👨‍👩‍👧 家庭', '1️⃣ 第一', '🇨🇳 国旗']) compare(text);
    expect(disagree).toEqual([]);
    expect(displayWidth('👨‍👩‍👧 家庭')).toBe(7); // one family emoji: two columns, as string-width counts a sequence
  });
});

describe('stylish', () => {
  const expectedZh = [
    'reports/草稿.md',
    '   1:3   错误  留有占位符“202_”           placeholder',
    '               「202_年度工作总结」',
    '   8:5   提示  缺少数字：发展新会员, 50%  missing-number',
    '               「发展新会员」',
    '  12:15  警告  词语重复：“开展开展”       doubled-word',
    '               「积极开展开展劳动竞赛」',
    '  90:1   警告  本节与前文重复             duplicate-section',
    '               「（五）夯实基础建设↵加强阵地建设…」',
    '               ↳ 另见 40:1（相似度 0.98）',
    '',
    'reports/述职报告.docx  （行号为段落序号）',
    '  3:12  警告  年份与正文不一致：2022  year-consistency',
    '              「2022年」',
    '',
    'reports/坏文件.txt: 无法解码：不是 UTF-8、GB18030 或 Big5 文本',
    '',
    '✖ 5 个问题（1 个错误，3 个警告，1 个提示）',
    '1 个问题可用 --fix 自动修复',
    '✖ 1 个文件无法检查',
    '',
  ].join('\n');

  it('groups by file, sorts by position and prints the Chinese summary', () => {
    expect(format('stylish', results, [failure])).toBe(expectedZh);
  });

  it('aligns the columns by terminal width, Chinese counting two', () => {
    // Measured independently of displayWidth: CJK ideographs and full-width punctuation are two columns.
    const columns = (text: string) => [...text].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const block = format('stylish', [draft], []).split('\n\n')[0]!.split('\n').slice(1);
    const rows = block.filter((line) => /^\s+\d+:\d+/.test(line));
    expect(rows).toHaveLength(4);
    const ruleColumn = (row: string) => columns(row.slice(0, row.search(/[a-z-]+$/)));
    const ruleColumns = rows.map(ruleColumn);
    expect(new Set(ruleColumns).size).toBe(1);
    // Severity labels and messages start at the same column in every row; quotes sit under the message.
    const messageColumn = columns('  12:15  警告  ');
    const messageColumns = draft.messages.map((m) => {
      const row = rows.find((r) => r.includes(m.message))!;
      return columns(row.slice(0, row.indexOf(m.message)));
    });
    expect(messageColumns).toEqual([messageColumn, messageColumn, messageColumn, messageColumn]);
    for (const note of block.filter((line) => /^\s+[「↳]/.test(line))) expect(note.search(/\S/)).toBe(messageColumn);
  });

  it('speaks English with lang en, with singular and plural', () => {
    const out = format('stylish', results, [failure], { lang: 'en' });
    expect(out).toContain('   1:3   error    留有占位符“202_”           placeholder\n');
    expect(out).toContain('  12:15  warning  词语重复：“开展开展”       doubled-word\n');
    expect(out).toContain('   8:5   info     缺少数字：发展新会员, 50%  missing-number\n');
    expect(out).toContain('                 ↳ see also 40:1 (similarity 0.98)\n');
    expect(out).toContain('reports/述职报告.docx  (lines are paragraph numbers)\n');
    expect(out.endsWith('✖ 5 problems (1 error, 3 warnings, 1 info)\n1 problem fixable with --fix\n✖ 1 file could not be checked\n')).toBe(true);
    const single: LintResult = { ...draft, errorCount: 1, warningCount: 0, infoCount: 0, fixableCount: 0, messages: [draft.messages[0]!] };
    expect(format('stylish', [single], [], { lang: 'en' }).split('\n\n')[1]).toBe('✖ 1 problem (1 error, 0 warnings, 0 infos)\n');
  });

  it('colours only when asked, and the colours do not disturb the layout', () => {
    expect(format('stylish', results, [failure])).not.toContain('\x1b[');
    const coloured = format('stylish', results, [failure], { color: true });
    expect(coloured).toContain('\x1b[31m错误\x1b[39m');
    expect(coloured).toContain('\x1b[33m警告\x1b[39m');
    expect(coloured).toContain('\x1b[34m提示\x1b[39m');
    expect(coloured).toContain('\x1b[2m「202_年度工作总结」\x1b[22m');
    expect(coloured).toContain('\x1b[1m\x1b[4mreports/草稿.md\x1b[24m\x1b[22m');
    expect(stripAnsi(coloured)).toBe(expectedZh);
  });

  it('prints nothing for clean files and nothing at all for a clean run', () => {
    expect(format('stylish', [clean], [])).toBe('');
    expect(format('stylish', [], [])).toBe('');
    expect(format('stylish', [clean], [failure])).toBe(
      'reports/坏文件.txt: 无法解码：不是 UTF-8、GB18030 或 Big5 文本\n\n✖ 1 个文件无法检查\n',
    );
  });
});

describe('json', () => {
  it('prints the DESIGN.md contract fields first, the extra fields after, and failures as fatal messages', () => {
    const expected = [
      {
        file: 'reports/述职报告.docx',
        errorCount: 0,
        warningCount: 1,
        infoCount: 0,
        fixableCount: 0,
        positions: 'paragraph',
        messages: [
          {
            ruleId: 'year-consistency', severity: 'warning', message: '年份与正文不一致：2022',
            line: 3, column: 12, endLine: 3, endColumn: 17, offset: 88, related: [],
            messageId: 'mismatch', endOffset: 93, source: '2022年', url: 'docs/rules/year-consistency.md',
          },
        ],
      },
      {
        file: 'reports/坏文件.txt',
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
        fixableCount: 0,
        messages: [
          {
            ruleId: null, severity: 'error', fatal: true, message: '无法解码：不是 UTF-8、GB18030 或 Big5 文本',
            line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, related: [],
          },
        ],
      },
    ];
    expect(format('json', [docx], [failure])).toBe(JSON.stringify(expected, null, 2));
  });

  it('keeps related locations with their similarity, and fixes', () => {
    const [file] = JSON.parse(format('json', [draft], [])) as { messages: Record<string, unknown>[] }[];
    const duplicate = file!.messages.find((m) => m.ruleId === 'duplicate-section')!;
    expect(Object.keys(duplicate).slice(0, 9)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'offset', 'related']);
    expect(duplicate.related).toEqual([{ line: 40, column: 1, offset: 1800, endLine: 46, endColumn: 20, similarity: 0.98 }]);
    expect(duplicate.similarity).toBe(0.98);
    expect(file!.messages.find((m) => m.ruleId === 'doubled-word')!.fix).toEqual({ range: [340, 342], text: '' });
  });

  it('prints an empty array for nothing', () => {
    expect(format('json', [], [])).toBe('[]');
  });
});

describe('github', () => {
  it('prints one workflow command per message and failure, escaped', () => {
    expect(format('github', results, [failure])).toBe(
      [
        '::error file=reports/草稿.md,line=1,col=3,endLine=1,endColumn=7,title=zongjie(placeholder)::留有占位符“202_”',
        '::warning file=reports/草稿.md,line=90,col=1,endLine=96,endColumn=20,title=zongjie(duplicate-section)::本节与前文重复（另见 40:1）',
        '::warning file=reports/草稿.md,line=12,col=15,endLine=12,endColumn=19,title=zongjie(doubled-word)::词语重复：“开展开展”',
        '::notice file=reports/草稿.md,line=8,col=5,endLine=8,endColumn=10,title=zongjie(missing-number)::缺少数字：发展新会员, 50%25',
        '::warning file=reports/述职报告.docx,line=3,col=12,endLine=3,endColumn=17,title=zongjie(year-consistency)::年份与正文不一致：2022',
        '::error file=reports/坏文件.txt,title=zongjie::无法解码：不是 UTF-8、GB18030 或 Big5 文本',
        '',
      ].join('\n'),
    );
  });

  it('escapes % CR LF in messages, and also : and , in properties', () => {
    const odd: LintResult = {
      ...docx,
      file: '/work/repo/a,b:c%.md',
      messages: [{ ...docx.messages[0]!, ruleId: 'x:y', message: '第一行\r\n100%: 完成, 好' }],
    };
    expect(format('github', [odd], [], { lang: 'en' })).toBe(
      '::warning file=a%2Cb%3Ac%25.md,line=3,col=12,endLine=3,endColumn=17,title=zongjie(x%3Ay)::第一行%0D%0A100%25: 完成, 好\n',
    );
  });

  it('makes paths relative to cwd with forward slashes, and prints nothing for a clean run', () => {
    const inside: LintResult = { ...docx, file: '/work/repo/sub/dir/报告.docx' };
    expect(format('github', [inside], [])).toMatch(/^::warning file=sub\/dir\/报告\.docx,/);
    expect(format('github', [{ ...draft, messages: [draft.messages[1]!] }], [], { lang: 'en' })).toContain('::本节与前文重复 (see also 40:1)\n');
    expect(format('github', [clean], [])).toBe('');
  });
});

describe('sarif', () => {
  const parse = (text: string) => JSON.parse(text) as Log;

  it('is one SARIF 2.1.0 run of zongjie with the rule table', () => {
    const log = parse(format('sarif', results, [failure]));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    const driver = run.tool.driver;
    expect(driver.name).toBe('zongjie');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules![0]).toEqual({
      id: 'placeholder',
      shortDescription: { text: '遗留的占位符（202_、xx）' },
      helpUri: 'https://unpkg.com/zongjie@0.1.0/docs/rules/placeholder.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules![3]!.helpUri).toBe('https://example.org/missing-number');
    expect(driver.rules![3]!.defaultConfiguration!.level).toBe('note');
    // A rule reported but not in the table is appended, so every ruleIndex points at its rule.
    expect(driver.rules!.map((r) => r.id)).toEqual(['placeholder', 'doubled-word', 'duplicate-section', 'missing-number', 'year-consistency']);
    for (const result of run.results!) expect(driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it('gives each result its level, message and region in UTF-16 units, relative to %SRCROOT%', () => {
    const run = parse(format('sarif', results, [])).runs[0]!;
    expect(run.results!.map((r) => [r.ruleId, r.level])).toEqual([
      ['placeholder', 'error'],
      ['duplicate-section', 'warning'],
      ['doubled-word', 'warning'],
      ['missing-number', 'note'],
      ['year-consistency', 'warning'],
    ]);
    const placeholder = run.results![0]!;
    expect(placeholder.message.text).toBe('留有占位符“202_”');
    const location = placeholder.locations![0]!.physicalLocation!;
    expect(location.artifactLocation).toEqual({ uri: 'reports/%E8%8D%89%E7%A8%BF.md', uriBaseId: '%SRCROOT%' });
    expect(decodeURIComponent(location.artifactLocation!.uri!)).toBe('reports/草稿.md');
    expect(location.region).toEqual({ startLine: 1, startColumn: 3, endLine: 1, endColumn: 7, charOffset: 2, charLength: 4 });
  });

  it('points a duplicate at its earlier copy', () => {
    const duplicate = parse(format('sarif', [draft], [])).runs[0]!.results![1]!;
    expect(duplicate.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'reports/%E8%8D%89%E7%A8%BF.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 40, startColumn: 1, endLine: 46, endColumn: 20, charOffset: 1800 },
        },
        message: { text: '前文副本，相似度 0.98' },
      },
    ]);
    const en = parse(format('sarif', [draft], [], { lang: 'en' })).runs[0]!.results![1]!;
    expect(en.relatedLocations![0]!.message!.text).toBe('earlier copy, similarity 0.98');
  });

  it('turns a safe fix into a replacement', () => {
    const doubled = parse(format('sarif', [draft], [])).runs[0]!.results![2]!;
    expect(doubled.fixes![0]!.artifactChanges[0]!.replacements[0]).toEqual({
      deletedRegion: { charOffset: 340, charLength: 2 },
      insertedContent: { text: '' },
    });
  });

  it('gives no character offsets for .docx paragraph positions', () => {
    const result = parse(format('sarif', [docx], [])).runs[0]!.results![0]!;
    expect(result.locations![0]!.physicalLocation!.region).toEqual({ startLine: 3, startColumn: 12, endLine: 3, endColumn: 17 });
    expect(result.locations![0]!.properties).toEqual({ positions: 'paragraph' });
  });

  it('reports failures as tool notifications and the run as unsuccessful', () => {
    const failed = parse(format('sarif', [clean], [failure])).runs[0]!;
    expect(failed.results).toEqual([]);
    expect(failed.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'reports/坏文件.txt: 无法解码：不是 UTF-8、GB18030 或 Big5 文本' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'reports/%E5%9D%8F%E6%96%87%E4%BB%B6.txt', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
    expect(parse(format('sarif', [draft], [])).runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('uses an absolute file URI for a file outside cwd', () => {
    const outside = parse(format('sarif', [{ ...docx, file: '/elsewhere/总结 2023.docx' }], [])).runs[0]!.results![0]!;
    expect(outside.locations![0]!.physicalLocation!.artifactLocation).toEqual({
      uri: 'file:///elsewhere/%E6%80%BB%E7%BB%93%202023.docx',
    });
  });
});
