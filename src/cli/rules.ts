// `zongjie rules`: the checks, their default severity and what they find; `--docs RULE` prints a
// rule's page (docs/rules/RULE.md, shipped in the package), the page every help link points at.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/paths.js';
import { CHECKS } from '../rules/index.js';
import { EXIT, UsageError, runState, say, withStatus, writeOut } from './shared.js';

/** The page of a rule as shipped: its path and text. Throws UsageError for an unknown rule. */
function rulePage(id: string): { path: string; text: string } {
  const check = CHECKS.find((c) => c.meta.id === id);
  if (!check) throw new UsageError(say('cli.ruleUnknown', { value: id, list: CHECKS.map((c) => c.meta.id).join(', ') }));
  const path = join(packageRoot(), check.meta.docs);
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch {
    throw new UsageError(say('cli.ruleDocsMissing', { rule: id, path }));
  }
}

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the checks with their default severity and description; --docs RULE prints a rule\'s page')
    .option('--format <format>', 'text or json', 'text')
    .option('--docs <rule>', 'print the page of this rule (docs/rules/<rule>.md): what it finds, why, options, examples')
    .action(withStatus(async (opts: { format: string; docs?: string }) => {
      if (opts.docs !== undefined) {
        writeOut(rulePage(opts.docs).text);
        return EXIT.ok;
      }
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
