// `zongjie normalize FILE…`: the text as the analysis sees it, or the list of clean-ups made.
import type { Command } from 'commander';
import { converter, type Variant } from '../normalize/index.js';
import { Zongjie } from '../api/zongjie.js';
import type { MessageKey } from '../text/messages.js';
import { EXIT, forEachSource, writeOut, withStatus, loadOptions, say, UsageError } from './shared.js';

const KIND_LABELS: Record<string, MessageKey> = {
  pinyin: 'cli.kindPinyin',
  entity: 'cli.kindEntity',
  inserted: 'cli.kindInserted',
  'line-number': 'cli.kindLineNumber',
  'broken-number': 'cli.kindBrokenNumber',
};

export function registerNormalize(program: Command): void {
  program
    .command('normalize')
    .description('print the normalised text (simplified, half-width digits, scrape artifacts cleaned), or the clean-ups made')
    .argument('<paths...>', 'files, directories, globs, or - for stdin')
    .option('--to <variant>', 'print in this script: cn (simplified), tw or hk (traditional)', 'cn')
    .option('--changes', 'list each clean-up with its line:column in the original instead of the text')
    .option('--format <format>', 'text or json', 'text')
    .option('--encoding <name>', 'decode input as this encoding instead of detecting it')
    .addHelpText('after', '\nExamples:\n  zongjie normalize corpus/004_d5da8b897465ed99.txt\n  zongjie normalize --changes corpus/\n')
    .action(withStatus(async (paths: string[], opts: { to: string; changes?: boolean; format: string; encoding?: string }) => {
      if (!['cn', 'tw', 'hk'].includes(opts.to)) throw new UsageError(say('cli.toInvalid', { value: opts.to }));
      if (!['text', 'json'].includes(opts.format)) throw new UsageError(say('cli.formatOneOf', { list: 'text, json', value: opts.format }));
      const display = opts.to === 'cn' ? (t: string) => t : converter('cn', opts.to as Variant);
      const json: unknown[] = [];
      const result = await forEachSource(paths, new Zongjie(loadOptions(opts)), (doc, _index, total) => {
        const changes = doc.normalized.artifacts.map((a) => {
          const at = doc.lines.position(a.start);
          return { kind: a.kind, line: at.line, column: at.column, offset: a.start, text: a.text, replacement: a.replacement };
        });
        if (opts.format === 'json') {
          json.push({ file: doc.path, script: doc.normalized.script, variant: doc.normalized.variant, ...(opts.changes ? { changes } : { text: display(doc.normalized.text) }) });
          return;
        }
        if (total > 1) writeOut(`==> ${doc.path} <==`);
        if (!opts.changes) {
          writeOut(display(doc.normalized.text));
          return;
        }
        if (changes.length === 0) writeOut(`  ${say('cli.noCleanups')}`);
        for (const c of changes) {
          const shown = c.replacement ? `${JSON.stringify(c.text)} → ${JSON.stringify(c.replacement)}` : `${JSON.stringify(c.text)} ${say('cli.removed')}`;
          writeOut(`  ${`${c.line}:${c.column}`.padEnd(9)} ${(KIND_LABELS[c.kind] ? say(KIND_LABELS[c.kind]!) : c.kind).padEnd(22)} ${shown}`);
        }
      });
      if (opts.format === 'json') writeOut(JSON.stringify(json, null, 2));
      return result.failed.length ? EXIT.problems : EXIT.ok;
    }));
}
