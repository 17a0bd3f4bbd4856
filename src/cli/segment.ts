// `zongjie segment FILE…`: the words the analysis sees, paragraph by paragraph.
import type { Command } from 'commander';
import { Zongjie } from '../api/zongjie.js';
import { EXIT, forEachSource, writeOut, withStatus, loadOptions, say, UsageError } from './shared.js';

export function registerSegment(program: Command): void {
  program
    .command('segment')
    .description('print the word segmentation (nodejieba with the domain dictionary; numbers kept whole)')
    .argument('<paths...>', 'files, directories, globs, or - for stdin')
    .option('--pos', 'add part-of-speech tags (word/tag)')
    .option('--original', 'print words as written in the file rather than normalised to simplified')
    .option('--format <format>', 'text or json', 'text')
    .option('--encoding <name>', 'decode input as this encoding instead of detecting it')
    .action(withStatus(async (paths: string[], opts: { pos?: boolean; original?: boolean; format: string; encoding?: string }) => {
      if (!['text', 'json'].includes(opts.format)) throw new UsageError(say('cli.formatOneOf', { list: 'text, json', value: opts.format }));
      const json: unknown[] = [];
      const result = await forEachSource(paths, new Zongjie(loadOptions(opts)), (doc, _index, total) => {
        const paragraphs = opts.pos ? doc.paragraphs.map((p) => doc.taggedWords(p.start, p.end)) : doc.paragraphTokens();
        const word = (t: { start: number; end: number; word: string }) => (opts.original ? doc.originalText(t.start, t.end) : t.word);
        if (opts.format === 'json') {
          json.push({
            file: doc.path,
            tokens: paragraphs.flat().map((t) => {
              const at = doc.locate(t.start, t.end);
              return { word: word(t), ...(opts.pos ? { tag: t.tag } : {}), line: at.line, column: at.column, offset: at.offset };
            }),
          });
          return;
        }
        if (total > 1) writeOut(`==> ${doc.path} <==`);
        for (const tokens of paragraphs) {
          const shown = tokens.filter((t) => t.word.trim()).map((t) => (opts.pos ? `${word(t)}/${t.tag}` : word(t)));
          writeOut(shown.join(' / '));
        }
      });
      if (opts.format === 'json') writeOut(JSON.stringify(json, null, 2));
      return result.failed.length ? EXIT.problems : EXIT.ok;
    }));
}
