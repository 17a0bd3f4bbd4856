// Scrape artifacts: pinyin left by a bad converter, HTML entities, characters inserted inside a
// word, and page numbers cut into the text. Each clean-up is recorded so `artifact` can report it.
import { MappedTextBuilder, type OffsetMap } from './mapped-text.js';

export type ArtifactKind = 'pinyin' | 'entity' | 'inserted' | 'line-number' | 'broken-number';

export interface Artifact {
  kind: ArtifactKind;
  /** Range in the text given to cleanArtifacts (mapped to the original file by normalize). */
  start: number;
  end: number;
  /** The removed or replaced text, and what replaced it ("" when removed). */
  text: string;
  replacement: string;
}

const HAN = /\p{Script=Han}/u;
const isHan = (ch: string | undefined) => ch !== undefined && HAN.test(ch);

// A pinyin syllable with at least one tone mark: tone marks never occur in ordinary Latin text,
// so "(iso)" or "(xx)" are left alone while "(jié)" and "(xué)" are caught.
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
// A syllable has at most six letters (zhuàng): bounded, because [a-z]* on both sides made a long
// run of Latin letters quadratic.
const PINYIN = new RegExp(`\\(?([a-zü]{0,6}[${TONED}][a-zü]{0,6})\\)`, 'gu');
const HAS_TONE = new RegExp(`[${TONED}]`, 'u');

const ENTITIES: Record<string, string> = {
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', quot: '"', amp: '&', lt: '<', gt: '>',
  nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', middot: '·', bull: '•',
};
// The & is sometimes itself mangled into "?" by the same converters.
const ENTITY = /[&?](ldquo|rdquo|lsquo|rsquo|quot|amp|lt|gt|nbsp|hellip|mdash|ndash|middot|bull);|&#(\d{2,6});/g;

// Characters a scraper inserts between two characters of one word (民-主, 的.第三名): - and . Not _
// or *: between Han characters those are placeholders and masks, which the extraction must see.
const isInsertable = (code: number) => code === 0x2d || code === 0x2e;

interface Edit {
  start: number;
  end: number;
  replacement: string;
  kind: ArtifactKind;
}

function findPinyin(text: string, edits: Edit[]): void {
  // The pattern can start anywhere; most reports have no tone mark at all, which one scan tells.
  if (!HAS_TONE.test(text)) return;
  for (const m of text.matchAll(PINYIN)) {
    const start = m.index;
    const before = text[start - 1];
    const hasOpen = m[0].startsWith('(');
    // "(jié)" after a Han or a garbled Latin/"?" character; "?qū)" only after a "?".
    const ok = hasOpen ? isHan(before) || /[A-Za-z?]/.test(before ?? '') : before === '?';
    if (ok) edits.push({ start, end: start + m[0].length, replacement: '', kind: 'pinyin' });
  }
}

function findEntities(text: string, edits: Edit[]): void {
  for (const m of text.matchAll(ENTITY)) {
    const replacement = m[1] ? ENTITIES[m[1]]! : String.fromCodePoint(Number(m[2]));
    edits.push({ start: m.index, end: m.index + m[0].length, replacement, kind: 'entity' });
  }
}

function findInserted(text: string, edits: Edit[]): void {
  for (let i = 1; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (!isInsertable(code) || !isHan(text[i - 1]) || !isHan(text[i + 1])) continue;
    // A chain (京-津-冀) or a pair of short names (中-英) is real punctuation; a lone mark inside a word is not.
    const chain = text.charCodeAt(i + 2) === code || text.charCodeAt(i - 2) === code;
    if (!chain) edits.push({ start: i, end: i + 1, replacement: '', kind: 'inserted' });
  }
}

// Numbers a PDF extraction broke apart: digits spaced out (共 1 2 3 户, 1 2 . 5 公里) and a line break inside
// a number or between a number and its unit (培训职工3000⏎人次). The spaces and the break go; a number is never
// made from digits that stand apart for another reason (a phone number's groups, 1 2 of a list), since
// only single characters spaced one by one, followed by a word or %, are joined.
const SPACED_DIGITS = /(?<![0-9０-９.．,A-Za-z])[0-9０-９](?:[ \u3000\u00a0][0-9０-９.．])+(?![0-9０-９.．])(?=[ \u3000\u00a0]{0,2}[\p{Script=Han}%％])/gu;
const SPACES = /[ \u3000\u00a0]/g;
// A unit or classifier that can open the line after a number (not 年, 月, 日: a heading such as 篇1 may be
// followed by a date).
const UNIT_OPENING = '人个名项次场期条批轮户家元万亿件份篇册所座台米亩吨余多%％';
const NUMBER_BREAK = new RegExp(`([0-9０-９])[ \t\u3000]*\n[ \t\u3000]*(?=[0-9０-９${UNIT_OPENING}])`, 'g');

function findBrokenNumbers(text: string, edits: Edit[]): void {
  if (!/[0-9０-９]/.test(text)) return;
  // One edit a number, so that an editor sees one message for it.
  for (const m of text.matchAll(SPACED_DIGITS)) {
    edits.push({ start: m.index, end: m.index + m[0].length, replacement: m[0].replace(SPACES, ''), kind: 'broken-number' });
  }
  for (const m of text.matchAll(NUMBER_BREAK)) {
    // Only a line cut mid-sentence, running text (long, or with clause punctuation), not a heading such as 篇1 or 总结2.
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (m.index - lineStart < 20 && !/[，,；;、]/.test(text.slice(lineStart, m.index))) continue;
    edits.push({ start: m.index + 1, end: m.index + m[0].length, replacement: '', kind: 'broken-number' });
  }
}

const SENTENCE_END = /[。！？!?；;：:”」』）)…]$/u;
const LINE_NUMBER = /^(\d{1,4})[、.．]/;

/**
 * Page or line numbers glued to the start of every line ("2、体合同" continuing "签订集"), as in a
 * page printed with line numbers: lines numbered 1, 2, 3 … in order, most of them cut mid-sentence.
 * The number goes, and so does the line break when the sentence runs on.
 */
function findLineNumbers(text: string, edits: Edit[]): void {
  // Non-empty lines and the length of their number; the first line without the next number ends
  // the search, which for nearly every report is the first line.
  const content: { start: number; end: number }[] = [];
  const numbered: number[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const m = LINE_NUMBER.exec(text.slice(start, start + 6));
      if (!m || Number(m[1]) !== content.length + 1) return;
      content.push({ start, end });
      numbered.push(m[0].length);
    }
    start = end + 1;
  }
  if (content.length < 3) return;
  const runOn = content.slice(0, -1).filter((l) => !SENTENCE_END.test(text.slice(l.start, l.end).trimEnd()));
  if (runOn.length * 2 < content.length - 1) return;
  content.forEach((line, index) => {
    const previous = content[index - 1];
    const joins =
      previous !== undefined &&
      previous.end + 1 === line.start &&
      !SENTENCE_END.test(text.slice(previous.start, previous.end).trimEnd());
    const from = joins ? previous.end : line.start;
    edits.push({ start: from, end: line.start + numbered[index]!, replacement: '', kind: 'line-number' });
  });
}

export function cleanArtifacts(text: string): { text: string; map: OffsetMap; artifacts: Artifact[] } {
  const edits: Edit[] = [];
  findEntities(text, edits);
  findPinyin(text, edits);
  findLineNumbers(text, edits);
  findInserted(text, edits);
  findBrokenNumbers(text, edits);
  edits.sort((a, b) => a.start - b.start || b.end - a.end);

  const out = new MappedTextBuilder(text);
  const artifacts: Artifact[] = [];
  let cursor = 0;
  for (const edit of edits) {
    if (edit.start < cursor) continue; // overlapping finds: the first (longest) wins
    out.keep(cursor, edit.start);
    if (edit.replacement) out.replace(edit.start, edit.end, edit.replacement);
    else out.drop(edit.start, edit.end);
    artifacts.push({
      kind: edit.kind,
      start: edit.start,
      end: edit.end,
      text: text.slice(edit.start, edit.end),
      replacement: edit.replacement,
    });
    cursor = edit.end;
  }
  out.keep(cursor, text.length);
  return { ...out.build(), artifacts };
}
