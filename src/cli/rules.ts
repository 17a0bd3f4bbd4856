// `zongjie rules`: the checks, their default severity and what they find.
import type { Command } from 'commander';
import { CHECKS } from '../rules/index.js';
import { EXIT, UsageError, withStatus, writeOut } from './shared.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the checks with their default severity and description')
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--format <format>', 'text or json', 'text')
    .action(withStatus(async (opts: { lang: string; format: string }) => {
      if (opts.lang !== 'zh' && opts.lang !== 'en') throw new UsageError(`--lang must be zh or en, not "${opts.lang}"`);
      const lang = opts.lang;
      const rows = CHECKS.map((c) => ({ id: c.meta.id, defaultSeverity: c.meta.defaultSeverity, fixable: c.meta.fixable, description: c.meta.description[lang], docs: c.meta.docs }));
      if (opts.format === 'json') writeOut(JSON.stringify(rows, null, 2));
      else {
        const width = Math.max(...rows.map((r) => r.id.length));
        for (const r of rows) writeOut(`${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(7)} ${r.fixable ? '🔧' : '  '} ${r.description}`);
        writeOut(lang === 'en' ? '\n🔧 = fixable with --fix; docs in docs/rules/<id>.md' : '\n🔧 = 可用 --fix 自动修复；说明见 docs/rules/<检查名>.md');
      }
      return EXIT.ok;
    }));
}
