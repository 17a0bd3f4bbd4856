// `zongjie check` default output for people: ESLint-style "stylish", aligned for Chinese text in a terminal.
import type { LintFailure, LintMessage, LintResult, ReportedSeverity } from '../lint/types.js';

import { drain, type LintFormatOptions, type LintStream } from './lint-stream.js';

// East Asian Wide (W) and Fullwidth (F) code points: two terminal columns each (UAX #11).
const WIDE_RANGES: [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4dc0, 0x4dff], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1aff0, 0x1b2ff], [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f2ff], [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = WIDE_RANGES[mid]!;
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return true;
  }
  return false;
}

const ANSI = /\x1b\[[0-9;]*m/g;
// Combining marks, format characters (ZWJ, ZWSP), variation selectors and controls take no column.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;

/** Terminal columns of `text`: 2 for East Asian Wide/Fullwidth, 0 for marks and escapes, 1 otherwise. */
export function displayWidth(text: string): number {
  const shown = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  let width = 0;
  // By index, not for…of: the string iterator made a string per character of every message.
  for (let i = 0; i < shown.length; i++) {
    const cp = shown.codePointAt(i)!;
    // Printable ASCII and the main CJK block, nearly every character of a message, skip the tables.
    if (cp >= 0x20 && cp < 0x7f) width += 1;
    else if (cp >= 0x4e00 && cp <= 0x9fff) width += 2;
    else {
      if (!ZERO_WIDTH.test(String.fromCodePoint(cp))) width += isWide(cp) ? 2 : 1;
      if (cp > 0xffff) i++; // the low surrogate
    }
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

const sgr = (open: number, close: number): Style => (text) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain: Style = (text) => text;
const COLOUR: Palette = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
  file: (text) => sgr(1, 22)(sgr(4, 24)(text)),
};
const NO_COLOUR: Palette = { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, file: plain };

const WORDS = {
  zh: {
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<ReportedSeverity, string>,
    quote: (s: string) => `「${s}」`,
    related: (pos: string, similarity?: number) => `↳ 另见 ${pos}${similarity === undefined ? '' : `（相似度 ${similarity.toFixed(2)}）`}`,
    paragraphs: '（行号为段落序号）',
    summary: (total: number, e: number, w: number, i: number) => `✖ ${total} 个问题（${e} 个错误，${w} 个警告，${i} 个提示）`,
    fixable: (n: number) => `${n} 个问题可用 --fix 自动修复`,
    failed: (n: number) => `✖ ${n} 个文件无法检查`,
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<ReportedSeverity, string>,
    quote: (s: string) => `"${s}"`,
    related: (pos: string, similarity?: number) => `↳ see also ${pos}${similarity === undefined ? '' : ` (similarity ${similarity.toFixed(2)})`}`,
    paragraphs: '(lines are paragraph numbers)',
    summary: (total: number, e: number, w: number, i: number) =>
      `✖ ${plural(total, 'problem')} (${plural(e, 'error')}, ${plural(w, 'warning')}, ${plural(i, 'info')})`,
    fixable: (n: number) => `${plural(n, 'problem')} fixable with --fix`,
    failed: (n: number) => `✖ ${plural(n, 'file')} could not be checked`,
  },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Quoted words stay on one line: line breaks shown as ↵, tabs as spaces. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '↵').replace(/\t/g, ' ');
}

function fileBlock(r: LintResult, words: (typeof WORDS)['zh'], c: Palette): string {
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
      lines.push(indent + c.dim(words.related(`${rel.line}:${rel.column}`, rel.similarity ?? m.similarity)));
    }
  });
  return lines.join('\n');
}

/** Stylish, one file at a time: blocks as results come, the summary at the end. */
export function streamStylish(options: LintFormatOptions): LintStream {
  const words = WORDS[options.lang === 'en' ? 'en' : 'zh'];
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
      let out = failures.length ? block(failures.map((f) => `${c.bold(f.file)}: ${c.red(oneLine(f.error))}`).join('\n')) : '';
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

export function formatStylish(results: LintResult[], failures: LintFailure[], options: LintFormatOptions): string {
  return drain(streamStylish(options), results, failures);
}
