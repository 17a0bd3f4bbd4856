// `zongjie outline FILE…`: the section tree, like a table of contents, with line numbers.
import type { Command } from 'commander';
import { outlineTree, type OutlineNode } from '../source/outline-tree.js';
import { Zongjie } from '../api/zongjie.js';
import { EXIT, forEachSource, writeOut, withStatus, loadOptions, say, UsageError } from './shared.js';

export function registerOutline(program: Command): void {
  program
    .command('outline')
    .description('print the section tree of each report (Markdown headings, 篇N, 一、(一) 1、(1) ① numbering)')
    .argument('<paths...>', 'files, directories, globs, or - for stdin')
    .option('--format <format>', 'text or json', 'text')
    .option('--encoding <name>', 'decode input as this encoding instead of detecting it')
    .action(withStatus(async (paths: string[], opts: { format: string; encoding?: string }) => {
      if (!['text', 'json'].includes(opts.format)) throw new UsageError(say('cli.formatOneOf', { list: 'text, json', value: opts.format }));
      const json: unknown[] = [];
      const result = await forEachSource(paths, new Zongjie(loadOptions(opts)), (doc) => {
        const tree = outlineTree(doc);
        // A Word document's lines are its paragraphs (DESIGN.md): say so.
        const byParagraph = doc.file.positions === 'paragraph';
        if (opts.format === 'json') {
          json.push({ file: doc.path, title: doc.title, sections: tree, ...(byParagraph ? { positions: 'paragraph' } : {}) });
          return;
        }
        writeOut(`${doc.path}${doc.title ? `  《${doc.title}》` : ''}${byParagraph ? `  ${say('cli.paragraphs')}` : ''}`);
        if (tree.length === 0) writeOut(`  ${say('cli.noSections')}`);
        const width = String(doc.lines.lineCount).length;
        const print = (n: OutlineNode) => {
          writeOut(`  ${String(n.line).padStart(width)}  ${'  '.repeat(n.level - 1)}${n.title}`);
          n.children.forEach(print);
        };
        tree.forEach(print);
      });
      if (opts.format === 'json') writeOut(JSON.stringify(json, null, 2));
      return result.failed.length ? EXIT.problems : EXIT.ok;
    }));
}
