// The CLI's own texts come from the catalogue (src/text/messages.ts): Chinese by default, English with
// --lang en (before or after the command) or ZONGJIE_LANG=en; --lang wins over the environment.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zongjie, zongjieInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const badFormat = ['check', '--format', 'nope', 'draft.txt'];
const zhFormat = 'zongjie: --format 只能是 stylish, json, sarif, github 之一，不能是“nope”\n';
const enFormat = 'zongjie: --format must be one of stylish, json, sarif, github, not "nope"\n';

describe('the language of the CLI', () => {
  it('a usage error is Chinese by default, English with --lang en or ZONGJIE_LANG=en', async () => {
    const runs = {
      zh: zongjie(badFormat),
      enBefore: await zongjieInProcess(['--lang', 'en', ...badFormat]),
      enAfter: await zongjieInProcess([...badFormat, '--lang=en']),
      enEnv: zongjie(badFormat, { env: { ZONGJIE_LANG: 'en' } }),
      enLocale: await zongjieInProcess(badFormat, { env: { ZONGJIE_LANG: 'en_US.UTF-8' } }),
      zhOverEnv: await zongjieInProcess(['--lang', 'zh', ...badFormat], { env: { ZONGJIE_LANG: 'en' } }),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect(run.status, name).toBe(2);
      expect(run.stdout, name).toBe('');
      expect(run.stderr, name).toBe(name.startsWith('zh') ? zhFormat : enFormat);
    }
  });

  it('localises commander\'s own errors and the hint after them', async () => {
    const zh = await zongjieInProcess(['check', '--bogus']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('错误：不认识的选项“--bogus”\n（用 --help 查看用法）\n');
    const missing = await zongjieInProcess(['extract']);
    expect(missing.stderr).toBe('错误：缺少参数“paths”\n（用 --help 查看用法）\n');
    const en = await zongjieInProcess(['extract'], { env: { ZONGJIE_LANG: 'en' } });
    expect(en.status).toBe(2);
    expect(en.stderr).toBe('error: missing required argument \'paths\'\n(run with --help for usage)\n');
  });

  it('stats --out names what it wrote, in the language asked for', async () => {
    const dir = tempDir('zongjie-lang-');
    const written = (out: string) => ['figures.csv', 'figures.parquet', 'pivot.csv', 'stats.json', 'stats.md', 'stats.html', 'reports.ndjson'].map((f) => join(out, f)).join(', ');
    const report = 'corpus/000_87f43282fb262844.txt';
    const cases = [
      { out: join(dir, 'zh'), args: [] as string[], env: {}, said: '已写入' },
      { out: join(dir, 'en-flag'), args: ['--lang', 'en'], env: {}, said: 'wrote' },
      { out: join(dir, 'en-env'), args: [], env: { ZONGJIE_LANG: 'en' }, said: 'wrote' },
    ];
    for (const { out, args, env, said } of cases) {
      const run = await zongjieInProcess(['stats', report, '--out', out, ...args], { env });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${said} ${written(out)}\n`);
      expect(existsSync(join(out, 'stats.json'))).toBe(true);
    }
  });

  it('an unknown --lang or ZONGJIE_LANG stops the run with exit 2, before any work', async () => {
    const flag = await zongjieInProcess(['--lang', 'fr', 'extract', 'corpus/']);
    expect(flag.status).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toBe('zongjie: --lang 只能是 zh（zh-Hans、zh-Hant）或 en，不能是“fr”\n');
    const locale = await zongjieInProcess(['--locale', 'fr', 'extract', 'corpus/']);
    expect(locale.stderr).toBe('zongjie: --locale 只能是 zh（zh-Hans、zh-Hant）或 en，不能是“fr”\n');
    // Said in the environment's language when that one is good.
    const afterCommand = await zongjieInProcess(['rules', '--lang', 'english'], { env: { ZONGJIE_LANG: 'en' } });
    expect(afterCommand.status).toBe(2);
    expect(afterCommand.stderr).toBe('zongjie: --lang must be zh (zh-Hans, zh-Hant) or en, not "english"\n');
    const env = zongjie(['rules'], { env: { ZONGJIE_LANG: 'fr' } });
    expect(env.status).toBe(2);
    expect(env.stdout).toBe('');
    expect(env.stderr).toBe('zongjie: 环境变量 ZONGJIE_LANG 只能是 zh（zh-Hans、zh-Hant）或 en，不能是“fr”\n');
    // A good --lang makes a bad environment irrelevant.
    expect((await zongjieInProcess(['--lang', 'zh', 'rules'], { env: { ZONGJIE_LANG: 'fr' } })).status).toBe(0);
  });

  it('every command honours the program-level option: rules and the rule messages of check', async () => {
    expect((await zongjieInProcess(['rules'])).stdout).toContain('🔧 = 可用 --fix 自动修复');
    expect((await zongjieInProcess(['--lang', 'en', 'rules'])).stdout).toContain('🔧 = fixable with --fix');
    const input = '今年组织开展开展学习活动。\n';
    const zh = JSON.parse((await zongjieInProcess(['check', '--format', 'json', '-'], { input })).stdout);
    const en = JSON.parse((await zongjieInProcess(['check', '--format', 'json', '-'], { input, env: { ZONGJIE_LANG: 'en' } })).stdout);
    expect(zh[0].messages.map((m: { ruleId: string; message: string }) => [m.ruleId, m.message])).toEqual([['doubled-word', '“开展”重复写了两遍']]);
    expect(en[0].messages.map((m: { ruleId: string; message: string }) => [m.ruleId, m.message])).toEqual([['doubled-word', '"开展" is written twice']]);
  });

  it('rule messages come in the draft\'s own characters, or those --lang / --locale ask for', async () => {
    const traditional = '今年組織開展開展學習活動。\n';
    const simplified = '今年组织开展开展学习活动。\n';
    const message = async (input: string, args: string[] = [], env: Record<string, string> = {}) =>
      JSON.parse((await zongjieInProcess([...args, 'check', '--format', 'json', '-'], { input, env })).stdout)[0].messages[0].message;
    expect(await message(traditional)).toBe('“開展”重複寫了兩遍');
    expect(await message(simplified)).toBe('“开展”重复写了两遍');
    expect(await message(traditional, ['--lang', 'zh-Hans'])).toBe('“開展”重复写了两遍');
    expect(await message(simplified, ['--locale', 'zh-TW'])).toBe('“开展”重複寫了兩遍');
    expect(await message(simplified, [], { ZONGJIE_LANG: 'zh_TW.UTF-8' })).toBe('“开展”重複寫了兩遍');
    expect(await message(traditional, ['--locale', 'en'])).toBe('"開展" is written twice');
  });

  it('file errors are said in the language of the run, in traditional characters with zh-Hant', async () => {
    const zh = await zongjieInProcess(['check', 'no-such-draft.txt']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('zongjie: no-such-draft.txt: 文件或目录不存在\nzongjie: 找不到输入文件：no-such-draft.txt\n');
    const hant = await zongjieInProcess(['--lang', 'zh-Hant', 'check', 'no-such-draft.txt']);
    expect(hant.stderr).toBe('zongjie: no-such-draft.txt: 文件或目錄不存在\nzongjie: 找不到輸入文件：no-such-draft.txt\n');
    const en = await zongjieInProcess(['--lang', 'en', 'check', 'no-such-draft.txt']);
    expect(en.stderr).toBe('zongjie: no-such-draft.txt: no such file or directory\nzongjie: no input files found in: no-such-draft.txt\n');
  });
});
