// `zongjie rules`: the checks, their default severity and what they find.
import type { Command } from 'commander';
import { CHECKS } from '../rules/index.js';
import { EXIT, runState, say, withStatus, writeOut } from './shared.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the checks with their default severity and description')
    .option('--format <format>', 'text or json', 'text')
    .action(withStatus(async (opts: { format: string }) => {
      const lang = runState.lang;
      const rows = CHECKS.map((c) => ({ id: c.meta.id, defaultSeverity: c.meta.defaultSeverity, fixable: c.meta.fixable, description: c.meta.description[lang], docs: c.meta.docs }));
      if (opts.format === 'json') writeOut(JSON.stringify(rows, null, 2));
      else {
        const width = Math.max(...rows.map((r) => r.id.length));
        for (const r of rows) writeOut(`${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(7)} ${r.fixable ? '🔧' : '  '} ${r.description}`);
        writeOut(`\n${say('cli.rulesLegend')}`);
      }
      return EXIT.ok;
    }));
}
