// `zongjie check --format github`: GitHub Actions workflow commands, which become annotations on the diff.
import path from 'node:path';
import type { LintMessage, ReportedSeverity } from '../lint/types.js';

import type { LintFormatOptions, LintStream } from './lint-stream.js';
import { relativePosixPath } from './sarif.js';

const COMMAND: Record<ReportedSeverity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's message, as @actions/core does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: also the `:` and `,` that separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** Annotations want paths relative to the workspace (the cwd of the step). */
function annotationPath(file: string, cwd: string): string {
  return relativePosixPath(file, cwd) ?? path.resolve(cwd, file).split(path.sep).join('/');
}

function relatedNote(m: LintMessage, lang: 'zh' | 'en'): string {
  if (!m.related?.length) return '';
  const places = m.related.map((r) => `${r.file ? `${r.file}:` : ''}${r.line}:${r.column}`).join(lang === 'en' ? ', ' : '、');
  return lang === 'en' ? ` (see also ${places})` : `（另见 ${places}）`;
}

/** One workflow command per line, as results come. */
export function streamGithub(options: LintFormatOptions): LintStream {
  const lines = (commands: string[]) => commands.map((line) => `${line}\n`).join('');
  return {
    file(r) {
      const file = annotationPath(r.file, options.cwd);
      return lines(r.messages.map((m) =>
        command(
          COMMAND[m.severity],
          [
            ['file', file],
            ['line', m.line],
            ['col', m.column],
            ['endLine', m.endLine],
            ['endColumn', m.endColumn],
            ['title', `zongjie(${m.ruleId})`],
          ],
          m.message + relatedNote(m, options.lang),
        ),
      ));
    },
    end(failures) {
      return lines(failures.map((f) => command('error', [['file', annotationPath(f.file, options.cwd)], ['title', 'zongjie']], f.error)));
    },
  };
}
