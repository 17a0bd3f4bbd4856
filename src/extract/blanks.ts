// Blank counts: a classifier or unit whose number was never filled in (公司现有员工人, 征集“金点子”条,
// 创经济价值万余元, 平均降低成本%以上, 约元, 月日). Segmentation tells 员工|人 (a blank) from 工人 (a word).
import type { Paragraph } from '../document/index.js';
import type { Lexicon } from '../config/lexicon.js';
import type { ParagraphWords } from './words.js';
import { segment, type Token } from '../segment/index.js';
import { paragraphClauses, Coverage, firstTokenFrom, isNounish, perParagraph, tokenIndexAt } from './context.js';
import { allMatches } from '../text/matches.js';

export interface FoundBlank {
  start: number;
  end: number;
  unit: string;
}

// Where a count's clause ends: punctuation, or words that follow a count (以上, 左右, 其中).
// (A closing quote is no boundary: 开展“邻里节”活动 quotes a name that ends in a classifier.)
const BOUNDARY = /^(?:[，,。；;、：:（(）)！？!?]|以上|以下|左右|其中|$)/;
// Characters that, right before a classifier, are (part of) its number or a placeholder for it.
const NUMBERISH = /[\d零〇一二两三四五六七八九十百千万亿几数多余xX×_＿○~～]/;
// After a verb or 了, only these classifiers are trusted as blanks; others after a verb are usually a
// word of their own (使人, 令人, 加深了对, 以图例, 推行面).
const AFTER_VERB = new Set(['项', '个', '条', '件', '次', '场', '场次', '家', '户', '份', '篇', '册', '批', '批次', '人次', '元', '名']);
// Before what it counts, a classifier with no number (带领部门|名|员工, 全区|所|中小学) is a blank,
// unless a determiner stands for the number (各项工作, 该项任务, 每名职工, 这家企业).
const BEFORE_NOUN = new Set(['项', '个', '条', '件', '次', '场', '家', '户', '份', '篇', '册', '批', '名', '所', '座', '位']);
const wordCache = new Map<string, boolean>();
/** Whether the segmenter knows `text` as one word (立案 yes, 争议案 no); remembered per process. */
function isWord(text: string): boolean {
  let known = wordCache.get(text);
  if (known === undefined) {
    known = segment(text).length === 1;
    wordCache.set(text, known);
  }
  return known;
}

const PART_OF_COUNT = /(其余|其中|另有|剩余|尚有|还有)([名人个项条件户家所])(?=\p{Script=Han})/gu;
const REACH_WORDS = new Set(['达到', '达', '共', '共计', '计', '累计', '合计', '总计', '完成', '实现', '突破', '超过']);

/** What follows a classifier is something counted: a noun, or a modifier then a noun (家|共建|单位). */
function countedAfter(tokens: Token[], j: number): boolean {
  const noun = (t: Token | undefined) => t !== undefined && /^(n|nz|nt|ns|j|vn|ng)/.test(t.tag ?? '') && t.word.length >= 2;
  const next = tokens[j];
  if (noun(next)) return true;
  return next !== undefined && /^(v|a|b)/.test(next.tag ?? '') && noun(tokens[j + 1]) && tokens[j + 1]!.start === next.end;
}

const DETERMINERS = new Set(['各', '该', '本', '此', '这', '那', '每', '某', '哪', '整', '单', '多', '几', '数', '另', '首', '上', '下', '同', '逐', '任', '全', '其', '这些', '那些', '各个', '每个', '有的', '个别']);
const COUNT_VERBS_AFTER = new Set(['了', '共', '共计', '累计', '合计', '总计']);
// 约元, 各元, 不少于户, 约平方米: a qualifier, then a unit, then the clause ends.
// The qualifier is matched, not looked behind at, so that the scan can skip to its characters (no
// qualifier shares a character with a unit, so the units found are the same); the unit is group 1.
const QUALIFIED_BLANK = /(?:约|各|近|共|计|达|超|逾|不少于|至少|不足|超过|达到|大约|约为)(平方米|平方公里|人次|户次|场次|元|人|名|个|项|条|次|件|家|户|份|所|亩|吨|公里|场|期)(?=[，,。；;、）)]|以上|左右|$)/gu;
// 万余元 / 万多元 / 亿元 with no number before the magnitude (but not 上万元, 数万元, 千万元: amounts in words).
const BARE_MAGNITUDE = /(?<=[\p{Script=Han}”])(?<![上数几近过成逾千百十万亿一二两三四五六七八九])[万亿][余多]?元/gu;
const BARE_PERCENT = /(?<=[\p{Script=Han}”])(?<![零〇一二两三四五六七八九十百千])%/gu;
const BARE_DATE = /(?<=[\p{Script=Han}，,、])(?<![岁零〇一二两三四五六七八九十百每逐当本])月日/gu;

export function findBlanks(paragraph: Paragraph, words: ParagraphWords, lexicon: Lexicon): FoundBlank[] {
  const { text } = paragraph;
  const found: FoundBlank[] = [];
  // Overlap by lookup, not by a pass over every blank found (quadratic on thousands in a paragraph).
  const covered = new Coverage(0, text.length);
  const add = (start: number, end: number, unit: string) => {
    if (covered.overlaps(start, end)) return;
    covered.add(start, end);
    found.push({ start, end, unit });
  };
  const { blankUnits } = lexicon;

  for (const cs of blankClauses(paragraph, lexicon)) {
    const plain = words.plain(cs);
    byClassifier(text, plain, words, add, blankUnits);
    inWord(text, plain, add);
  }
  for (const m of allMatches(QUALIFIED_BLANK, text)) add(m.index + m[0].length - m[1]!.length, m.index + m[0].length, m[1]!);
  // 其余|条正在落实, 其中|人取得, 另有|名教师: words that stand before a count, then a classifier that
  // does not start a longer word (其中人员 and 其余项目 are words).
  for (const at of partOfCountAt(paragraph, lexicon)) {
    const plain = words.plain(at);
    const token = plain[tokenIndexAt(plain, at)];
    if (token && token.start === at && token.word.length > 1) continue;
    add(at, at + 1, text[at]!);
  }
  // These patterns open with a look-behind, which a scan cannot skip ahead by: look for their
  // characters first (most paragraphs have none).
  if (text.includes('元')) for (const m of allMatches(BARE_MAGNITUDE, text)) add(m.index + m[0].length - 1, m.index + m[0].length, '元');
  if (text.includes('%')) for (const m of allMatches(BARE_PERCENT, text)) add(m.index, m.index + 1, '%');
  if (text.includes('月日')) for (const m of allMatches(BARE_DATE, text)) add(m.index, m.index + 2, '日');

  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ ...f, start: paragraph.start + f.start, end: paragraph.start + f.end }));
}

/** The starts of the clauses (paragraph offsets) that can hold a blank found on their words. */
const blankClauses = perParagraph((p, lexicon): Int32Array => {
  const out: number[] = [];
  const index = paragraphClauses(p);
  for (let at = 0; at < p.text.length; at = index.end(at) + 1) {
    const end = index.end(at);
    if (end > at && mayHoldBlank(p.text, at, end, lexicon)) out.push(at);
  }
  return Int32Array.from(out);
});

/** Where a classifier follows 其余/其中/另有… (paragraph offsets): a blank unless it starts a word. */
const partOfCountAt = perParagraph((p): number[] => allMatches(PART_OF_COUNT, p.text).map((m) => m.index + m[1]!.length));

const startTables = new WeakMap<Lexicon, Uint8Array>();
/** Which code units can start a classifier (a table: most characters are none, and are skipped). */
function classifierStarts(lexicon: Lexicon): Uint8Array {
  let table = startTables.get(lexicon);
  if (!table) {
    table = new Uint8Array(0x10000);
    for (const ch of [...AFTER_VERB, ...lexicon.blankUnitsByFirst.keys()]) table[ch.charCodeAt(0)] = 1;
    startTables.set(lexicon, table);
  }
  return table;
}

/**
 * Whether the clause [cs, ce) can hold a blank found on its words: a classifier not after a
 * number that either ends its count (a boundary follows), follows 了/共/计, or stands before what
 * it counts after no determiner; or a classifier ending a word before a boundary (立|案件). What
 * every rule below requires, read on the characters, so that only these clauses are segmented.
 */
function mayHoldBlank(text: string, cs: number, ce: number, lexicon: Lexicon): boolean {
  const { blankUnitsByFirst } = lexicon;
  const starts = classifierStarts(lexicon);
  for (let i = cs; i < ce; i++) {
    if (!starts[text.charCodeAt(i)]) continue;
    const ch = text[i]!;
    if (AFTER_VERB.has(ch) && i - cs >= 2 && !NUMBERISH.test(text[i - 2]!) && BOUNDARY.test(text.slice(i + 1, i + 3))) return true;
    const units = blankUnitsByFirst.get(ch);
    if (!units || i === cs || NUMBERISH.test(text[i - 1]!)) continue;
    for (const unit of units) {
      if (!text.startsWith(unit, i)) continue;
      const end = i + unit.length;
      if (BOUNDARY.test(text.slice(end, end + 2))) return true;
      if (AFTER_VERB.has(unit) && unit !== '元' && /[了共计]/.test(text[i - 1]!)) return true;
      if (BEFORE_NOUN.has(unit) && end < ce && !DETERMINERS.has(text[i - 1]!)) return true;
    }
  }
  return false;
}

type Add = (start: number, end: number, unit: string) => void;

/** A classifier standing as a word of its own with no number before it (公司现有员工|人). */
function byClassifier(text: string, plain: Token[], words: ParagraphWords, add: Add, blankUnits: Set<string>): void {
  for (let p = 0; p < plain.length; p++) {
    if (!blankUnits.has(plain[p]!.word)) continue;
    // A candidate: decide on the tagged words of its clause.
    const tokens = words.clause(plain[p]!.start);
    // Binary search: the clause can be a whole 10 MB line.
    const i = firstTokenFrom(tokens, plain[p]!.start);
    if (i < 1 || tokens[i]?.start !== plain[p]!.start || tokens[i]!.end !== plain[p]!.end) continue;
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    const before = text[t.start - 1] ?? '';
    if (NUMBERISH.test(before) || prev.end !== t.start) continue;
    const rest = text.slice(t.end, t.end + 2);
    const next = tokens[i + 1];
    // 员工|人(含临时用工), 工会小组|个, “金点子”|条。 — a noun, then the classifier, then the clause
    // ends; or a verb (已实施完成|项, 正组织实施的有|项).
    const verbBefore = prev.tag?.startsWith('v') === true && AFTER_VERB.has(t.word);
    // jieba sometimes tags a noun as an adjective (合同/a): a word of two characters counts too.
    const nounBefore = isNounish(prev) || (prev.tag === 'a' && prev.word.length >= 2);
    if ((nounBefore || verbBefore || prev.word === '”' || prev.word === '」') && BOUNDARY.test(rest)) {
      add(t.start, t.end, t.word);
      continue;
    }
    // 组织了|次|培训, 共|项|成果 — a counting word, then the classifier, then what is counted.
    if (COUNT_VERBS_AFTER.has(prev.word) && next && isNounish(next) && AFTER_VERB.has(t.word) && t.word !== '元') {
      add(t.start, t.end, t.word);
      continue;
    }
    if (BEFORE_NOUN.has(t.word) && next && next.start === t.end && countedAfter(tokens, i + 1) && !DETERMINERS.has(prev.word) && !DETERMINERS.has(prev.word.slice(-1))) {
      add(t.start, t.end, t.word);
      continue;
    }
    // 手术总量达到|例。 — after a word of reaching or totalling, any classifier ending the clause.
    if (REACH_WORDS.has(prev.word) && BOUNDARY.test(rest)) add(t.start, t.end, t.word);
  }
}

/**
 * 审查立|案件，: the segmenter took the classifier into a word (案件) because the number before it
 * is gone; when the word before plus the first character is itself a word (立案), read it as 立案|件.
 */
function inWord(text: string, plain: Token[], add: Add): void {
  for (let i = 1; i < plain.length; i++) {
    const t = plain[i]!;
    const prev = plain[i - 1]!;
    const classifier = t.word.slice(-1);
    if (t.word.length !== 2 || !AFTER_VERB.has(classifier) || prev.end !== t.start || !/^\p{Script=Han}+$/u.test(prev.word)) continue;
    if (!BOUNDARY.test(text.slice(t.end, t.end + 2)) || NUMBERISH.test(text[t.start - 1] ?? '')) continue;
    if (isWord(prev.word + t.word[0])) add(t.end - 1, t.end, classifier);
  }
}
