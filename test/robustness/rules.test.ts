// Every kind of mistake in a rule file or config stops the run with exit 2 and
// `file:line:column: what was expected` (never a stack trace), and no regular expression from a
// rule file can hang the run: the catastrophic ones are refused, and whatever is accepted finishes
// on adversarial input within a bound.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadLexicon } from '../../src/config/lexicon.js';
import { RuleFileError } from '../../src/config/errors.js';
import { compileRuleRegex, MAX_REPEAT, regexProblem } from '../../src/config/safe-regex.js';
import { zongjieInProcess as zongjieInChinese } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';
import { tally } from './tally.js';

const count = tally('rules');

// The mistakes are asserted in the library's own (English) words, so the CLI runs in English here;
// the Chinese it shows by default is checked below once, and phrase by phrase in test/text/errors.test.ts.
const ENGLISH = { ZONGJIE_LANG: 'en' };
const zongjieInProcess = (args: string[], options: Parameters<typeof zongjieInChinese>[1] = {}) => zongjieInChinese(args, { ...options, env: { ...ENGLISH, ...options.env } });

/** A draft with one error (a placeholder) and nothing else, so a good config exits 1 and a broken one 2. */
const DRAFT = '全年发展新会员20人，慰问困难职工xx人次。\n';

function projectWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('zongjie-rules-');
  writeFileSync(join(dir, 'draft.txt'), DRAFT);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The run stopped: exit 2, one line `zongjie: FILE:LINE:COLUMN: EXPECTED`, nothing on stdout. */
function expectStopped(r: { status: number; stdout: string; stderr: string }, file: string, where: RegExp | string, expected: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/内部错误|internal error|\n\s+at /);
  const line = r.stderr.trim();
  expect(line.split('\n')).toHaveLength(1);
  const m = /^zongjie: (.+?):(\d+):(\d+): (.+)$/.exec(line);
  expect(m, line).not.toBeNull();
  expect(m![1]!.endsWith(file), line).toBe(true);
  if (typeof where === 'string') expect(`${m![2]}:${m![3]}`).toBe(where);
  else expect(`${m![2]}:${m![3]}`).toMatch(where);
  expect(m![4]).toMatch(expected);
}

describe('mistakes in .zongjierc.yml, through zongjie check', () => {
  const aliasBomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`),
    'checks:',
    '  placeholder: error',
  ].join('\n');
  // [kind, config text, line:column, what the message must say]
  const cases: [string, string | Buffer, string | RegExp, RegExp][] = [
    ['malformed YAML', 'checks: [a, b\n', /^\d+:\d+$/, /^invalid YAML: /],
    ['malformed YAML', 'checks:\n\tplaceholder: error\n', '2:1', /^invalid YAML: Tabs are not allowed/],
    ['malformed YAML', 'checks:\n  placeholder: error\n  placeholder: off\n', '3:3', /^invalid YAML: Map keys must be unique/],
    ['malformed YAML', '---\nchecks: {}\n---\nchecks: {}\n', '3:1', /^invalid YAML: .*multiple documents/],
    ['malformed YAML', 'checks: {placeholder: error\n', /^\d+:\d+$/, /^invalid YAML: /],
    ['malformed YAML', `checks: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, /^1:\d+$/, /^invalid YAML: /],
    ['malformed YAML', aliasBomb, '2:8', /^invalid YAML: Excessive alias count/],
    // Bytes that are not UTF-8 text: refused as a whole, and never echoed (issue 23).
    ['not text', Buffer.from([0x63, 0x68, 0x65, 0x63, 0x6b, 0x73, 0x3a, 0x20, 0xff, 0xfe, 0x00, 0x01, 0x0a]), '1:1', /^not a text file in UTF-8/],
    ['wrong type', 'checks: 5\n', '1:9', /^checks: .*expected record, received number/],
    ['wrong type', 'ignore: archive\n', '1:9', /^ignore: .*expected array/],
    ['wrong type', 'extends: 3\n', '1:10', /^extends: expected a preset name or file path/],
    ['wrong type', 'checks:\n  duplicate-section: [warning, { threshold: high }]\n', '2:45', /^checks\.duplicate-section\.1\.threshold: .*expected number/],
    ['wrong type', 'checks:\n  duplicate-section: [warning, { threshold: 2 }]\n', '2:45', /threshold: Too big/],
    ['wrong type', 'checks:\n  missing-number: [warning, { phrases: 共征集 }]\n', '2:40', /^checks\.missing-number\.1\.phrases: .*expected array/],
    ['wrong type', 'checks:\n  placeholder: [error, {}, extra]\n', '2:16', /^checks\.placeholder: expected a severity \(off, info, warning, error\) or \[severity, \{ options \}\]/],
    ['wrong type', 'checks:\n  placeholder: { severity: error }\n', '2:16', /expected a severity .* or \[severity, \{ options \}\]/],
    ['wrong type', 'just a sentence\n', '1:1', /expected object, received string/],
    ['wrong type', '- a\n- b\n', '1:1', /expected object, received array/],
    ['unknown key', 'chekcs:\n  placeholder: off\n', '1:1', /Unrecognized key.*chekcs/],
    ['unknown key', 'description: 报告\nchekcs:\n  placeholder: off\n', '2:1', /Unrecognized key.*chekcs/],
    ['unknown key', 'checks:\n  duplicate-section: [warning, { treshold: 0.9 }]\n', '2:34', /^checks\.duplicate-section\.1: Unrecognized key.*treshold/],
    ['unknown check id', 'checks:\n  no-such-check: error\n', '2:3', /^checks: unknown check "no-such-check" \(known: .*placeholder/],
    ['unknown check id', 'checks:\n  Placeholder: error\n', '2:3', /^checks: unknown check "Placeholder"/],
    ['unknown severity', 'checks:\n  placeholder: fatal\n', '2:16', /^checks\.placeholder: expected a severity: off, info, warning, error/],
    ['unknown severity', 'checks:\n  placeholder: 2\n', '2:16', /^checks\.placeholder: expected a severity/],
    ['unknown severity', 'checks:\n  duplicate-section: [warn, { threshold: 0.9 }]\n', '2:23', /^checks\.duplicate-section\.0: expected a severity/],
    ['extends', 'extends: ./.zongjierc.yml\n', '1:1', /extends itself through \.zongjierc\.yml → \.zongjierc\.yml/],
    ['extends', 'extends: no-such-preset\n', '1:10', /^extends: no preset or file "no-such-preset"/],
    ['extends', 'extends: [recommended, ./missing.yml]\n', '1:24', /^extends: no preset or file "\.\/missing\.yml"/],
  ];
  it('each stops the run with exit 2 and file:line:column: what was expected', async () => {
    for (const [kind, text, where, expected] of cases) {
      const dir = projectWith({ '.zongjierc.yml': text });
      expectStopped(await zongjieInProcess(['check', 'draft.txt'], { cwd: dir }), '.zongjierc.yml', where, expected);
      count(kind);
    }
  });

  it('a preset that extends itself through another file, and a mistake in an extended file', async () => {
    const dir = projectWith({ 'a.yml': 'extends: ./b.yml\n', 'b.yml': 'checks:\n  placeholder: error\nextends: ./a.yml\n' });
    expectStopped(await zongjieInProcess(['check', '--config', 'a.yml', 'draft.txt'], { cwd: dir }), 'a.yml', '1:1', /extends itself through a\.yml → b\.yml → a\.yml/);
    count('extends');
    const child = projectWith({ '.zongjierc.yml': 'extends: ./child.yml\n', 'child.yml': 'extends: recommended\nchecks:\n  doubled-word: sometimes\n' });
    expectStopped(await zongjieInProcess(['check', 'draft.txt'], { cwd: child }), 'child.yml', '3:17', /^checks\.doubled-word: expected a severity/);
    count('extends');
  });

  it('a config that is missing, a directory, or a preset that does not exist', async () => {
    const dir = projectWith({});
    mkdirSync(join(dir, 'conf.yml'));
    expectStopped(await zongjieInProcess(['check', '--config', 'missing.yml', 'draft.txt'], { cwd: dir }), 'missing.yml', '1:1', /^rule file not found$/);
    expectStopped(await zongjieInProcess(['check', '--config', 'conf.yml', 'draft.txt'], { cwd: dir }), 'conf.yml', '1:1', /^cannot read rule file \(EISDIR\)$/);
    expectStopped(await zongjieInProcess(['check', '--preset', 'no-such', 'draft.txt'], { cwd: dir }), 'no-such.yml', '1:1', /^rule file not found$/);
    count('missing or unreadable config', 3);
  });

  it('says the mistake in Chinese by default', async () => {
    const dir = projectWith({ '.zongjierc.yml': 'checks:\n  placeholder: fatal\n' });
    const r = await zongjieInChinese(['check', 'draft.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.zongjierc\.yml:2:16: checks\.placeholder: 应为级别：off, info, warning, error\n$/);
  });

  it('odd but valid configs run normally (exit 1: the draft has a placeholder)', async () => {
    for (const text of ['', '# only a comment\n', 'checks:\n', 'checks:\n  # all commented out\n', 'extends: []\nchecks:\n  placeholder: error\n', '\ufeffchecks:\n  doubled-word: off\n', 'checks:\r\n  doubled-word: off\r\n']) {
      const dir = projectWith({ '.zongjierc.yml': text });
      const r = await zongjieInProcess(['check', 'draft.txt'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.status, `${JSON.stringify(text)}: ${r.stdout}`).toBe(1);
      expect(r.stdout).toContain('placeholder');
      count('odd but valid config');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Broken rule files of the package itself (rules/placeholders.yml, units.yml …)

/** A copy of the built package whose rules/ can be broken: bin, dist, rules, package.json, node_modules linked. */
function packageCopy(): string {
  const dir = tempDir('zongjie-pkg-');
  for (const name of ['bin', 'dist', 'rules', 'package.json']) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const SAFE_PLACEHOLDERS = `patterns:
  - id: x
    description: xx
    regex: '(?<![A-Za-z])[xX]{2,}(?![A-Za-z])'
  - id: custom
    regex: 'PATTERN'
`;

describe('a broken rules/placeholders.yml or units.yml', () => {
  const catastrophic: [string, RegExp][] = [
    ['(a+)+$', /nested quantifier/],
    ['((a+))+$', /nested quantifier/],
    ['(?:a+)+b', /nested quantifier/],
    ['(a*)*b', /nested quantifier/],
    ['(\\w+\\s?)*$', /nested quantifier/],
    ['(.*a){12}', /nested quantifier/],
    ['(a+){10}$', /nested quantifier/],
    ['(?<x>a+)+$', /nested quantifier/],
    ['(a|a)*$', /repeated alternation/],
    ['(a|aa)+$', /repeated alternation/],
    ['(?:某|某某)+', /repeated alternation/],
    ['a*a*a*a*a*a*a*b', /too many repetitions/],
    [`${'a?'.repeat(25)}${'a'.repeat(25)}`, /too many repetitions/],
    ['(a)\\1', /back-references/],
    ['(?<n>a)\\k<n>', /back-references/],
    ['a{1000}', /repeat count above/],
    ['x'.repeat(501), /longer than 500/],
  ];

  it('every catastrophic pattern is refused by the loader with file:line:column (the pattern line)', () => {
    for (const [pattern, reason] of catastrophic) {
      const dir = join(tempDir('zongjie-lexicon-'), 'rules');
      cpSync(join(ROOT, 'rules'), dir, { recursive: true });
      writeFileSync(join(dir, 'placeholders.yml'), SAFE_PLACEHOLDERS.replace('PATTERN', pattern.replace(/'/g, "''")));
      let error: unknown;
      try {
        loadLexicon(dir);
      } catch (e) {
        error = e;
      }
      expect(error, pattern).toBeInstanceOf(RuleFileError);
      const e = error as RuleFileError;
      expect(e.file).toBe(join(dir, 'placeholders.yml'));
      expect([e.line, e.column]).toEqual([6, 12]);
      expect(e.message).toMatch(/placeholders\.yml:6:12: patterns\.1\.regex: unsafe regular expression /);
      expect(e.message).toMatch(reason);
      count('catastrophic regex refused');
    }
  });

  // 144 runs of the CLI: some 80 s alone, past 120 s when the machine's two cores are shared.
  it('through the CLI: every command that reads the rules stops with exit 2 and file:line:column', { timeout: 300_000 }, async () => {
    const pkg = packageCopy();
    // Two reports, so that stats with two workers meets the mistake on a worker thread.
    const project = projectWith({ 'copy.txt': DRAFT });
    // The copy's own built CLI run in this process (its rules/ are the copy's), but stats with worker
    // threads in a process of its own: a worker still loading when the pool is destroyed after the
    // mistake can abort a process that lives on (Node 20: "v8::Module::IsGraphAsync must be used on an
    // instantiated module"), which a spawned run, exiting, does not meet.
    const run = (args: string[]) => (args.includes('--workers') && !args.includes('1') ? Promise.resolve(spawnCli(pkg, args, project)) : zongjieInProcess(args, { root: pkg, cwd: project }));
    const broken: [string, string, string, RegExp][] = [
      ['placeholders.yml', SAFE_PLACEHOLDERS.replace('PATTERN', '(a+)+$'), '6:12', /^patterns\.1\.regex: unsafe regular expression "\(a\+\)\+\$": nested quantifier/],
      ['placeholders.yml', SAFE_PLACEHOLDERS.replace('PATTERN', '(a|a)*$'), '6:12', /repeated alternation/],
      ['placeholders.yml', SAFE_PLACEHOLDERS.replace('PATTERN', '(unclosed'), '6:12', /^patterns\.1\.regex: invalid regular expression/],
      ['placeholders.yml', SAFE_PLACEHOLDERS.replace("'PATTERN'", '5'), '6:12', /^patterns\.1\.regex: .*expected string, received number/],
      ['placeholders.yml', 'patterns: {}\n', '1:11', /^patterns: .*expected array/],
      ['placeholders.yml', "patterns:\n  - regex: 'xx'\n", '2:5', /^patterns\.0\.id: .*expected string, received undefined/],
      ['placeholders.yml', "patterns:\n  - id: x\n    regex: 'xx\n", /^\d+:\d+$/, /^invalid YAML/],
      ['units.yml', 'units:\n  - unit: 人\n    kind: people\n', '3:11', /^units\.0\.kind: /],
      ['activities.yml', 'verbs: []\ncategories: []\n', '1:8', /^verbs: Too small/],
    ];
    for (const [file, text, where, expected] of broken) {
      const original = join(ROOT, 'rules', file);
      cpSync(original, join(pkg, 'rules', file));
      writeFileSync(join(pkg, 'rules', file), text);
      for (const command of [['check', 'draft.txt'], ['extract', 'draft.txt'], ['stats', '--workers', '1', 'draft.txt'], ['stats', '--workers', '2', 'draft.txt', 'copy.txt']]) {
        expectStopped(await run(command), join('rules', file), where, expected);
        count(`broken ${file} through ${command.slice(0, 3).join(' ')}`);
      }
      cpSync(original, join(pkg, 'rules', file));
    }
    // Commands that do not read those rules still work.
    expect((await run(['normalize', 'draft.txt'])).status).toBe(0);
  });
});

function spawnCli(pkg: string, args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'zongjie.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...ENGLISH } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------------
// Whatever the loader accepts finishes on adversarial input within a bound

/** Run `re` over `text` in a context that can be interrupted: a hang is a timeout, not a stuck test. */
const matchAll = new vm.Script('re.lastIndex = 0; for (const m of text.matchAll(re)) {}');
// One context for every run (a new one each time was most of the fuzz test's time).
const matchContext = vm.createContext({ re: /(?:)/, text: '' });
function timeToMatch(re: RegExp, text: string, timeout: number): number | 'timeout' {
  matchContext.re = re;
  matchContext.text = text;
  const start = performance.now();
  try {
    matchAll.runInContext(matchContext, { timeout });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return 'timeout';
    throw error;
  }
  return performance.now() - start;
}

const ADVERSARIAL = [
  `${'a'.repeat(30)}!`,
  `${'ab'.repeat(15)}!`,
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaab',
  `${' '.repeat(30)}!`,
  `${'x'.repeat(30)}!`,
  `${'某'.repeat(30)}!`,
  `${'_'.repeat(30)}!`,
  `${'1'.repeat(30)}a`,
];
const LONG = `${'a'.repeat(20_000)}!`;

describe('regular expressions from rule files cannot hang the run', () => {
  // Pieces of patterns, the catastrophic shapes among them.
  const atom = fc.constantFrom('a', 'b', 'x', '某', '.', '\\w', '\\s', '\\d', '[ab]', '[^!]', '[xX_]', '(?:a)', 'aa', '\\p{Script=Han}', '^', '$', '\\b');
  const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{2,}', '{0,200}', '*?', '+?', '{30}');
  const pattern: fc.Arbitrary<string> = fc.letrec<{ seq: string; alt: string; group: string }>((tie) => ({
    seq: fc.array(fc.oneof({ weight: 3, arbitrary: fc.tuple(atom, quantifier).map(([a, q]) => (/^[$^]|\\b/.test(a) ? a : a + q)) }, { weight: 1, arbitrary: tie('group') }), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
    alt: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((branches) => branches.join('|')),
    group: fc.tuple(fc.constantFrom('(', '(?:', '(?=', '(?!', '(?<=', '(?<!', '(?<g>'), tie('alt'), quantifier).map(([open, body, q]) => (open.startsWith('(?=') || open.startsWith('(?!') || open.startsWith('(?<=') || open.startsWith('(?<!') ? `${open}${body})` : `${open}${body})${q}`)),
  })).alt;
  const metaString = fc.string({ unit: fc.constantFrom('a', '(', ')', '|', '*', '+', '?', '{', '}', '2', ',', '[', ']', '\\', '.', '^', '$', '1', 'k', '<', '>'), maxLength: 16 });

  it('refuses the catastrophic classics and accepts the shipped patterns', () => {
    for (const source of ['(a+)+$', '((a+))+$', '(a|a)*$', '(a+){10}$', 'a*a*a*a*a*a*a*b', `${'a?'.repeat(25)}${'a'.repeat(25)}`]) {
      expect(regexProblem(source), source).toMatch(/^unsafe regular expression/);
    }
    for (const p of loadLexicon().placeholders) {
      expect(regexProblem(p.regex.source.replace(/\{(\d+),100\}/g, '{$1,}'))).toBeNull();
      for (const text of ADVERSARIAL) expect(timeToMatch(p.regex, text, 1000)).not.toBe('timeout');
    }
  });

  it('every pattern the loader accepts finishes on adversarial input (fuzz)', { timeout: 120_000 }, () => {
    let accepted = 0;
    let refused = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: pattern }, { weight: 1, arbitrary: metaString }), (source) => {
        const problem = regexProblem(source);
        if (problem?.startsWith('invalid')) {
          invalid++;
          return;
        }
        if (problem) {
          refused++;
          return;
        }
        accepted++;
        const re = compileRuleRegex(source, 'gu');
        for (const text of ADVERSARIAL) {
          const ms = timeToMatch(re, text, 1000);
          expect(ms, `${source} on ${JSON.stringify(text)}`).not.toBe('timeout');
          // Catastrophic backtracking takes seconds on these inputs; a loaded 2-core machine took 360 ms on a safe one.
          expect(ms as number, `${source} on ${JSON.stringify(text)}`).toBeLessThan(900);
        }
        // And on a long input the time stays within a bound linear in its length.
        const ms = timeToMatch(re, LONG, 5000);
        expect(ms, `${source} on 20,000 a's`).not.toBe('timeout');
        expect(ms as number, `${source} on 20,000 a's`).toBeLessThan(2000);
      }),
      { numRuns: 1500, seed: 20261122 },
    );
    count('fuzzed regex: accepted and bounded', accepted);
    count('fuzzed regex: refused as unsafe', refused);
    count('fuzzed regex: refused as invalid', invalid);
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(50);
  });

  it('caps unbounded repetition, so a placeholder match is at most MAX_REPEAT long', () => {
    const re = compileRuleRegex('[_＿]{2,}', 'gu');
    const matches = [...'_'.repeat(250).matchAll(re)].map((m) => m[0].length);
    expect(matches).toEqual([MAX_REPEAT, MAX_REPEAT, 50]);
    expect(compileRuleRegex('a+?b*\\*{2,}[+*]{3,}', 'gu').source).toBe(`a{1,${MAX_REPEAT}}?b{0,${MAX_REPEAT}}\\*{2,${MAX_REPEAT}}[+*]{3,${MAX_REPEAT}}`);
    count('repetition cap');
  });
});
