// `zongjie check` default output for people: ESLint-style "stylish", aligned for Chinese text in a
// terminal (string-width), coloured with node:util's styleText when the caller asks for colour.
import { styleText } from 'node:util';
import stringWidth from 'string-width';
import type { LintMessage, LintResult, ReportedSeverity } from '../lint/types.js';

import type { LintFormatOptions, LintStream } from './lint-stream.js';
import { localizeError } from '../text/errors.js';
import type { ChineseScript, MessageData, MessageKey } from '../text/messages.js';
import { textIn } from '../text/traditional.js';

/**
 * Terminal columns of `text` (string-width: East Asian Wide and Fullwidth two, marks and escapes
 * none, grapheme clusters and emoji sequences as terminals draw them).
 */
export function displayWidth(text: string): number {
  // Kept by measurement: the characters nearly every message is made of (ASCII, CJK ideographs and
  // punctuation) are counted here, as string-width counts them but without its grapheme segmentation
  // (150,000 messages: 14 ms, string-width 5 s); any other character hands the whole text to
  // string-width. A test checks that the two agree.
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) width += 1;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303e) || (c >= 0xff01 && c <= 0xff60)) width += 2;
    else if (c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014 || c === 0xb7) width += 1;
    else return stringWidth(text);
  }
  return width;
}

function padEnd(text: string, width: number, textWidth = displayWidth(text)): string {
  return text + ' '.repeat(Math.max(0, width - textWidth));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

type Style = (text: string) => string;
interface Palette {
  red: Style;
  yellow: Style;
  blue: Style;
  dim: Style;
  bold: Style;
  file: Style;
}

// The caller decides whether to colour (options.color), so styleText must not check stdout itself.
const style = (format: Parameters<typeof styleText>[0]): Style => (text) => styleText(format, text, { validateStream: false });
const plain: Style = (text) => text;
const COLOUR: Palette = {
  red: style('red'),
  yellow: style('yellow'),
  blue: style('blue'),
  dim: style('dim'),
  bold: style('bold'),
  file: style(['bold', 'underline']),
};
const NO_COLOUR: Palette = { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, file: plain };

/** The formatter's own words, from the catalogue (src/text/messages.ts) in the run's language and characters. */
function wordsFor(lang: 'zh' | 'en', script?: ChineseScript) {
  const say = (key: MessageKey, data?: MessageData) => textIn(lang, key, data, script);
  // English counts carry their noun ("3 problems"); Chinese ones are the bare number.
  const count = (n: number, noun: string) => (lang === 'en' ? plural(n, noun) : String(n));
  return {
    severity: { error: say('report.error'), warning: say('report.warning'), info: say('report.info') } as Record<ReportedSeverity, string>,
    quote: lang === 'en' ? (s: string) => `"${s}"` : (s: string) => `「${s}」`,
    related: (pos: string, similarity?: number) => (similarity === undefined ? say('report.related', { pos }) : say('report.relatedSimilarity', { pos, similarity: similarity.toFixed(2) })),
    paragraphs: say('report.paragraphs'),
    summary: (total: number, e: number, w: number, i: number) =>
      say('report.summary', { total: count(total, 'problem'), errors: count(e, 'error'), warnings: count(w, 'warning'), infos: count(i, 'info') }),
    fixable: (n: number) => say('report.fixable', { n: count(n, 'problem') }),
    failed: (n: number) => say('report.failed', { n: count(n, 'file') }),
  };
}
type Words = ReturnType<typeof wordsFor>;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Quoted words stay on one line: line breaks shown as ↵, tabs as spaces. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '↵').replace(/\t/g, ' ');
}

function fileBlock(r: LintResult, words: Words, c: Palette): string {
  const messages = [...r.messages].sort((a, b) => a.line - b.line || a.column - b.column);
  // Widths by reduce, not Math.max(...list): a file with 150,000 findings overflowed the stack.
  const widest = (values: Iterable<string>) => {
    let width = 0;
    for (const value of values) width = Math.max(width, displayWidth(value));
    return width;
  };
  const lineWidth = widest(messages.map((m) => String(m.line)));
  const colWidth = widest(messages.map((m) => String(m.column)));
  const sevWidth = widest(new Set(messages.map((m) => words.severity[m.severity])));
  const texts = messages.map((m) => oneLine(m.message));
  const textWidths = texts.map(displayWidth);
  let msgWidth = 0;
  for (const width of textWidths) msgWidth = Math.max(msgWidth, width);
  const indent = ' '.repeat(2 + lineWidth + 1 + colWidth + 2 + sevWidth + 2);
  const severityStyle: Record<ReportedSeverity, Style> = { error: c.red, warning: c.yellow, info: c.blue };

  const lines = [c.file(r.file) + (r.positions === 'paragraph' ? `  ${c.dim(words.paragraphs)}` : '')];
  messages.forEach((m: LintMessage, k) => {
    const position = `${padStart(String(m.line), lineWidth)}:${padEnd(String(m.column), colWidth)}`;
    const label = words.severity[m.severity];
    const severity = severityStyle[m.severity](label) + ' '.repeat(sevWidth - displayWidth(label));
    lines.push(`  ${position}  ${severity}  ${padEnd(texts[k]!, msgWidth, textWidths[k])}  ${c.dim(m.ruleId)}`.trimEnd());
    if (m.source) lines.push(indent + c.dim(words.quote(oneLine(m.source))));
    for (const rel of m.related ?? []) {
      lines.push(indent + c.dim(words.related(`${rel.file ? `${rel.file}:` : ''}${rel.line}:${rel.column}`, rel.similarity ?? m.similarity)));
    }
  });
  return lines.join('\n');
}

/** Stylish, one file at a time: blocks as results come, the summary at the end. */
export function streamStylish(options: LintFormatOptions): LintStream {
  const words = wordsFor(options.lang === 'en' ? 'en' : 'zh', options.script);
  const c = options.color ? COLOUR : NO_COLOUR;
  let blocks = 0;
  const block = (text: string) => `${blocks++ ? '\n' : ''}${text}\n`;
  let [errors, warnings, infos, fixable] = [0, 0, 0, 0];
  return {
    file(r) {
      errors += r.errorCount;
      warnings += r.warningCount;
      infos += r.infoCount;
      fixable += r.fixableCount;
      return r.messages.length > 0 ? block(fileBlock(r, words, c)) : '';
    },
    end(failures) {
      let out = failures.length ? block(failures.map((f) => `${c.bold(f.file)}: ${c.red(oneLine(localizeError(f.error, options.lang, options.script)))}`).join('\n')) : '';
      const total = errors + warnings + infos;
      const summary: string[] = [];
      if (total > 0) {
        const style = errors > 0 ? c.red : warnings > 0 ? c.yellow : c.blue;
        summary.push(c.bold(style(words.summary(total, errors, warnings, infos))));
        if (fixable > 0) summary.push(words.fixable(fixable));
      }
      if (failures.length) summary.push(c.bold(c.red(words.failed(failures.length))));
      if (summary.length) out += block(summary.join('\n'));
      return out;
    },
  };
}
