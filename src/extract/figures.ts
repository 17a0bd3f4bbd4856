// Figures: numbers with their unit or classifier, qualifier, subject and section. Dates, years,
// ordinals, sessions, plans, slogans, ids and words that merely contain a numeral are left out.
import type { Lexicon, UnitEntry } from '../config/lexicon.js';
import type { Paragraph } from '../document/index.js';
import type { Token } from '../segment/index.js';
import type { ParagraphWords } from './words.js';
import { exactValue, scanNumbers, type NumberLiteral } from './numbers.js';
import { Coverage, paragraphClauses, perParagraph, tokenIndexAt } from './context.js';
import { subjectOf } from './subjects.js';
import type { Qualifier } from './types.js';
import { allMatches } from '../text/matches.js';

/** A figure found in a paragraph, with normalised offsets; placing it in the file comes later. */
export interface FoundFigure {
  start: number;
  end: number;
  value: number;
  max?: number;
  unit: string;
  /** Worked out on first read (it needs the clause's tagged words). */
  readonly subject: string;
  qualifier: Qualifier;
  total: boolean;
}

const PERCENT: UnitEntry = { unit: '%', kind: 'percent', scale: 1, base: '%', risky: false };
const POINTS: UnitEntry = { unit: '百分点', kind: 'percent', scale: 1, base: '百分点', risky: false };
const MONEY: UnitEntry = { unit: '元', kind: 'money', scale: 1, base: '元', risky: false };

// Words right before a number that qualify it, longest first.
const PREFIX_QUALIFIERS: [string, Qualifier][] = [
  ['不少于', 'at_least'], ['不低于', 'at_least'], ['至少', 'at_least'],
  ['不超过', 'at_most'], ['不足', 'at_most'], ['不到', 'at_most'], ['低于', 'at_most'],
  ['超过', 'more_than'], ['多达', 'more_than'], ['高于', 'more_than'], ['逾', 'more_than'], ['超', 'more_than'],
  ['将近', 'about'], ['接近', 'about'], ['大约', 'about'], ['约', 'about'], ['近', 'about'],
];
const SUFFIX_QUALIFIERS: [string, Qualifier][] = [
  ['以上', 'at_least'], ['以下', 'at_most'], ['以内', 'at_most'], ['左右', 'about'], ['上下', 'about'], ['多', 'more_than'], ['余', 'more_than'],
];
const TOTAL_WORDS = ['共计', '累计', '合计', '总计', '总共', '一共', '全年', '共', '计'];
const TOTAL_IN_CLAUSE = /^(?:[^，,；;。]{0,4})(?:累计|合计|总计|共计|总共|一共|共)(?![同享建商])/;
// Words that may stand between a qualifier or total and its number: 共计人民币14000元, 累计达50家.
const FILLERS = ['人民币', '达到', '达', '为', '有'];
const RANGE = /^(?:-|—{1,2}|–|~|～|至|到)/;
// A numeral word after these is "one of a kind" (上一个, 每一名, 另一项), not a count.
const DETERMINERS = new Set(['上', '下', '每', '这', '那', '同', '另', '其', '任', '唯', '某', '哪', '逐', '单', '统', '之']);
const DATE_OR_TIME = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?/g;
const BOOK_TITLE = /《[^《》]{0,60}》/g;
const HAS_DIGIT = /\d/;

function matchUnit(text: string, at: number, lexicon: Lexicon): { unit: UnitEntry; end: number } | null {
  if (at < 0) return null;
  if (text[at] === '%') return { unit: PERCENT, end: at + 1 };
  if (text.startsWith('个百分点', at)) return { unit: POINTS, end: at + 4 };
  if (text.startsWith('百分点', at)) return { unit: POINTS, end: at + 3 };
  const word = lexicon.unitText.matchAt(text, at);
  return word === null ? null : { unit: lexicon.unitByText.get(word)!, end: at + word.length };
}

/** 成 as tenths (九成, 八成以上), not the start of a word (成为, 成立, 成效). */
function tenthsWord(text: string, at: number, words: ParagraphWords): boolean {
  if (!/\p{Script=Han}/u.test(text[at + 1] ?? '')) return true;
  if (/^成(?:以上|以下|左右|多|的)/.test(text.slice(at, at + 3))) return true;
  const tokens = words.plain(at);
  const token = tokens[tokenIndexAt(tokens, at)];
  return token !== undefined && token.end === at + 1;
}

/**
 * A bare 百/千/万 counts when a unit follows and a qualifier marks it as an amount (百人以上, 千余人,
 * 近千人, 逾万人次), 万 only after 逾/近/上/超/约; alone it names an event (百人包粽子, 千人宴).
 */
function bareMagnitudeCounts(text: string, n: NumberLiteral, lexicon: Lexicon): boolean {
  const before = text[n.start - 1] ?? '';
  if (/[数几]/.test(before)) return false; // 数百人, 几千人: no number to give
  let at = n.end;
  const infix = text[at] === '余' || text[at] === '多';
  if (infix) at++;
  const unit = matchUnit(text, at, lexicon);
  if (!unit || unit.unit.kind === 'money' || unit.unit.kind === 'percent') return false;
  if (text[n.start] === '万') return /[逾近上超约]/.test(before);
  return infix || /[逾近上超约达共]/.test(before) || /^(?:以上|以下|左右|上下)/.test(text.slice(unit.end, unit.end + 2)) || !/\p{Script=Han}/u.test(text[unit.end] ?? '');
}

/**
 * 一 + classifier before a noun is usually the indefinite article (围绕一个重点, 一项重要工作), not a
 * count; it counts when the passage lists other counts in the same classifier (一副作品获得一等奖，
 * 三副作品获得二等奖) or stands at the end of its clause (段歌一首).
 */
function indefinite(text: string, start: number, end: number, unit: string): boolean {
  if (!/^[\p{Script=Han}“]/u.test(text[end] ?? '')) return false;
  const around = text.slice(Math.max(0, start - 40), start) + text.slice(end, end + 40);
  return !new RegExp(`[二两三四五六七八九十百\\d]${unit}`).test(around);
}

/** A number follows in the same clause, a few words on: the figure before it was a category bound. */
function boundsNextFigure(text: string, from: number, next: NumberLiteral | undefined, lexicon: Lexicon): boolean {
  if (!next || next.start < from || next.start - from > 12) return false;
  const between = text.slice(from, next.start);
  if (!/^[\p{Script=Han}“”]+$/u.test(between) || between.includes('的')) return false;
  return next.kind === 'arabic' || matchUnit(text, next.end, lexicon) !== null;
}

/** `at`, or past one or two spaces there (half- or full-width). */
function afterSpaces(text: string, at: number): number {
  let i = at;
  while (i < at + 2 && (text[i] === ' ' || text[i] === '\u3000')) i++;
  return i === at ? -1 : i;
}

function endsWithAny(text: string, at: number, words: string[]): string | null {
  for (const w of words) if (at >= w.length && text.startsWith(w, at - w.length)) return w;
  return null;
}

function spansOf(text: string, re: RegExp): [number, number][] {
  return allMatches(re, text).map((m) => [m.index, m.index + m[0].length]);
}

// A short quotation holding a Chinese numeral is a named campaign or slogan (“五项管理”, “三不让”).
const QUOTED_SLOGAN = /“[^“”]{0,6}[一二两三四五六七八九十百千][^“”]{0,6}”/g;
// A quotation that names a campaign (“大干100天”活动, “百日攻坚”行动): its numbers are part of the name.
const QUOTED_CAMPAIGN = /“[^“”]{1,40}”(?=活动|竞赛|行动|工程|倡议|主题|专项|系列|劳动竞赛)/g;

function excludedSpans(text: string, lexicon: Lexicon): [number, number][] {
  // Each pattern only where its first character is (a digit, 《, “): most paragraphs have none of the last two.
  // (Concatenated, not push(...spans): a 10 MB line can hold more spans than a call takes arguments.)
  const none: [number, number][] = [];
  const spans = [
    ...(HAS_DIGIT.test(text) ? spansOf(text, DATE_OR_TIME) : none),
    ...(text.includes('《') ? spansOf(text, BOOK_TITLE) : none),
    ...(text.includes('“') ? spansOf(text, QUOTED_SLOGAN) : none),
    ...(text.includes('“') ? spansOf(text, QUOTED_CAMPAIGN) : none),
  ];
  // Every occurrence of every slogan (they may overlap), searched only where one of them is.
  if (lexicon.sloganText.occursIn(text)) for (const slogan of lexicon.slogans) {
    for (let at = text.indexOf(slogan); at >= 0; at = text.indexOf(slogan, at + 1)) spans.push([at, at + slogan.length]);
  }
  return spans;
}

/**
 * Numbered slogans (三重一大, 两学一做, 七个一): two Chinese numerals one or two characters apart,
 * with no punctuation between.
 */
function sloganShaped(text: string, numbers: NumberLiteral[], k: number, lexicon: Lexicon): boolean {
  const n = numbers[k]!;
  if (n.kind !== 'chinese') return false;
  const near = (a: NumberLiteral, b: NumberLiteral) => b.start - a.end <= 2 && !/[，,、。；;：:“”"（）()\s]/.test(text.slice(a.end, b.start));
  // A rank or date next to a count is not a slogan: 一等奖两个.
  const counts = (m: NumberLiteral | undefined) => m?.kind === 'chinese' && lexicon.periodWordText.matchAt(text, m.end) === null;
  const prev = numbers[k - 1];
  const next = numbers[k + 1];
  return (counts(prev) && near(prev!, n)) || (counts(next) && near(n, next!));
}

/** The number literals of a paragraph, scanned once. */
const numbersIn = perParagraph((p) => scanNumbers(p.text));

// Overlaps by lookup, not by scanning: that was quadratic on a paragraph of thousands of numbers
// (50,000 dates; a 10 MB line without punctuation).
const excludedIn = perParagraph((p, lexicon) => {
  const excluded = new Coverage(0, p.text.length);
  for (const [a, b] of excludedSpans(p.text, lexicon)) excluded.add(a, b);
  return excluded;
});

/** Whether number k of the paragraph is no figure, as the characters alone tell (a date, an id, an ordinal, a slogan…). */
function notAFigure(p: Paragraph, numbers: NumberLiteral[], k: number, lexicon: Lexicon): boolean {
  const { text } = p;
  const n = numbers[k]!;
  if (excludedIn(p, lexicon).overlaps(n.start, n.end)) return true;
  const before = text[n.start - 1] ?? '';
  const after = text[n.end] ?? '';
  // Ids, codes and placeholders: iso9000, 31-1037781, 163.com, 20xx, 202_.
  if (/[A-Za-z_＿×○]/.test(before) || /[A-Za-z_＿×○]/.test(after)) return true;
  if (/[-/]/.test(before) && /\d/.test(text[n.start - 2] ?? '')) return true;
  if (after === '.' && /[A-Za-z]/.test(text[n.end + 1] ?? '')) return true;
  if (endsWithAny(text, n.start, lexicon.ordinalPrefixes) || before === '届') return true;
  if (lexicon.periodWordText.matchAt(text, n.end) !== null && !matchUnit(text, n.end, lexicon)?.unit.kind.match(/measure/)) return true;
  if (sloganShaped(text, numbers, k, lexicon)) return true;
  if (n.digitByDigit) return true; // 五一节, 三八节, 二〇二三
  // 百人以上, 千余人, 逾万人次 count; 万余元 after a noun is a number someone deleted (a blank).
  return n.bare === true && !bareMagnitudeCounts(text, n, lexicon);
}

/** For each number of a paragraph, whether notAFigure passes it over (1). */
const passedOver = perParagraph((p, lexicon) => {
  const numbers = numbersIn(p, lexicon);
  const skip = new Uint8Array(numbers.length);
  for (let k = 0; k < numbers.length; k++) if (notAFigure(p, numbers, k, lexicon)) skip[k] = 1;
  return skip;
});

export function findFigures(paragraph: Paragraph, words: ParagraphWords, lexicon: Lexicon): FoundFigure[] {
  const { text } = paragraph;
  const numbers = numbersIn(paragraph, lexicon);
  if (numbers.length === 0) return [];
  const skip = passedOver(paragraph, lexicon);
  const clauses = paragraphClauses(paragraph);
  // The clause before `at`, cut to the last `reach` characters: the patterns tested on it are
  // anchored at its end, and a clause longer than this is no clause of a real report.
  const clauseBefore = (at: number, reach = 200) => text.slice(Math.max(clauses.start(at), at - reach), at);
  const figures: FoundFigure[] = [];
  // The clause before the number's, within its sentence: where a subject stands when the number's own clause names none.
  const previousClauseOf = (at: number) => () => {
    const cs = clauses.start(at);
    return cs >= 2 && /[，,；;：:]/.test(text[cs - 1]!) ? words.clause(cs - 2) : [];
  };

  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]!;
    if (skip[k]) continue;
    const before = text[n.start - 1] ?? '';

    let qualifier: Qualifier = 'exact';
    let pos = n.end;
    let value = n.value;
    // 500千瓦时, 3千克: the 千 belongs to a unit, not to the number.
    if (n.magnitudeAt !== undefined && n.unscaled !== undefined) {
      const unitHere = matchUnit(text, n.magnitudeAt, lexicon);
      if (unitHere && unitHere.unit.unit.length > 1 && unitHere.unit.scale === 1) {
        value = n.unscaled;
        pos = n.magnitudeAt;
      }
    }
    // 600余人次, 120多人次, 20来人
    const infix = text[pos];
    if ((infix === '余' || infix === '多' || infix === '来') && (matchUnit(text, pos + 1, lexicon) || n.magnitude)) {
      qualifier = infix === '来' ? 'about' : 'more_than';
      pos++;
    }
    let unit: UnitEntry | null = null;
    if (n.kind === 'percent' || n.kind === 'fraction') unit = PERCENT;
    else if (text[pos] === '成' && n.kind === 'chinese' && n.value < 10 && !n.bare && tenthsWord(text, pos, words)) {
      unit = PERCENT; // 九成 = 90%, 八成以上
      value = n.value * 10;
      pos++;
    } else {
      // 共 123 户: mixed typesetting puts a space between an Arabic number and its unit.
      const m = matchUnit(text, pos, lexicon) ?? (n.kind === 'arabic' ? matchUnit(text, afterSpaces(text, pos), lexicon) : null);
      if (m) {
        unit = m.unit;
        pos = m.end;
      }
    }
    // 职工人349次: the 人 of 人次 written before the number.
    const start = n.start;
    if (unit?.unit === '次' && before === '人' && n.kind === 'arabic') unit = lexicon.unitByText.get('人次') ?? unit;

    // Ranges: 2-3次, 3—5项, 6000—10000元, 25人至29人.
    let max: number | undefined;
    const rangeMatch = RANGE.exec(text.slice(pos, pos + 2));
    const second = numbers[k + 1];
    if (rangeMatch && second && second.start === pos + rangeMatch[0].length) {
      if (lexicon.periodWordText.matchAt(text, second.end) !== null) {
        k++;
        continue; // 1至10月份: a span of dates
      }
      const secondUnit = matchUnit(text, second.end, lexicon);
      if (secondUnit && (!unit || secondUnit.unit.base === unit.base)) {
        unit = secondUnit.unit;
        max = second.value;
        pos = secondUnit.end;
        // 5至8万元: the 万 of the upper end belongs to both ends.
        if (second.magnitude && !n.magnitude && second.unscaled !== undefined && second.unscaled !== 0) {
          value = exactValue(String(value), Math.round(second.value / second.unscaled));
        }
        k++;
      }
    }

    // Chinese numerals are words too: trust them only with a unit and as a word of their own.
    if (n.kind !== 'arabic' && !/\d/.test(text.slice(n.start, n.end))) {
      if (!unit) continue;
      // A numeral inside a word (统一, 进一步, 一线) or an idiom jieba knows (一家人, 一次性, 一条心).
      const toks = words.plain(n.start);
      const at = tokenIndexAt(toks, n.start);
      const token = toks[at];
      if (token && (token.start < n.start || token.end > pos)) continue;
      if (n.value === 1 && DETERMINERS.has(before)) continue;
      if (n.value === 1 && unit.kind !== 'person' && indefinite(text, n.start, pos, unit.unit)) continue;
      if (unit.risky && unit.kind !== 'person' && n.value === 1) continue;
    }

    if (!unit) {
      // A bare amount with a magnitude is money when the clause speaks of money (医疗费用达2.5万).
      if (!n.magnitude) continue;
      const clause = clauseBefore(n.start);
      unit = lexicon.moneyCues.some((cue) => clause.includes(cue)) ? MONEY : null;
    }

    // Suffix qualifiers: 90%以上, 25人以下, 2万多元 (多 after the unit is rare but real).
    const suffix = SUFFIX_QUALIFIERS.find(([w]) => text.startsWith(w, pos));
    if (suffix && qualifier === 'exact') qualifier = suffix[1];

    // Prefix qualifiers and totals, looking past fillers: 共计人民币14000元, 累计达50家, 超50%.
    let look = start;
    const filler = endsWithAny(text, look, FILLERS);
    if (filler) look -= filler.length;
    const prefix = PREFIX_QUALIFIERS.find(([w]) => text.startsWith(w, look - w.length));
    if (prefix && qualifier === 'exact') {
      qualifier = prefix[1];
      look -= prefix[0].length;
    } else if (qualifier === 'exact') {
      // 至少提3条, 约有志愿者200名: the qualifier governs the verb or 有 before the count.
      const clause = clauseBefore(start, 32);
      if (/(?:至少|最少|不少于)\p{Script=Han}{1,2}$/u.test(clause)) qualifier = 'at_least';
      else if (/(?:约|大约|大概|近)有\p{Script=Han}{0,8}$/u.test(clause)) qualifier = 'about';
    }
    if (n.bare && text[start - 1] === '上' && qualifier === 'exact') qualifier = 'at_least'; // 上千人
    // A total: 共/累计 right before the number, or opening its clause (累计签订工资集体协议50家).
    const total = endsWithAny(text, look, TOTAL_WORDS) !== null || endsWithAny(text, look, ['累计达', '共达']) !== null ||
      TOTAL_IN_CLAUSE.test(text.slice(clauses.start(start), Math.min(start, clauses.start(start) + 8)));

    // Category bounds describe the figure that follows, not a count: 签订25人以下集体合同2722份.
    if ((suffix?.[1] === 'at_least' || suffix?.[1] === 'at_most' || max !== undefined) && boundsNextFigure(text, pos + (suffix?.[0].length ?? 0), numbers[k + 1], lexicon)) continue;

    const scale = unit?.scale ?? 1;
    figures.push(
      new LazySubjectFigure(paragraph.start + start, paragraph.start + pos, scaled(value, scale), max !== undefined ? scaled(max, scale) : undefined, unit ? unit.base : '', qualifier, total,
        words.clause, start, pos, unit?.kind ?? 'measure', before === '人' && unit?.unit === '人次', previousClauseOf(start)),
    );
  }
  return figures;
}

/**
 * A figure whose subject is worked out when first read: it takes the clause's tagged words, and
 * check reads few subjects (extract reads all). A class, so that the getter is the prototype's: an
 * object literal with a getter cost a microsecond a figure. It keeps only the clause's tagged
 * words alive (clauseOf), not the paragraph's scan.
 */
class LazySubjectFigure implements FoundFigure {
  #subject: string | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly value: number,
    readonly max: number | undefined,
    readonly unit: string,
    readonly qualifier: Qualifier,
    readonly total: boolean,
    private readonly clauseOf: (at: number) => Token[],
    private readonly at: number,
    private readonly until: number,
    private readonly kind: string,
    private readonly unusualOrder: boolean,
    private readonly previousClause: () => Token[],
  ) {}

  get subject(): string {
    return (this.#subject ??= subjectOf(this.clauseOf(this.at), this.at, this.until, this.kind, this.unusualOrder, this.previousClause));
  }
}

/** value × scale (万元 → 元) exactly: scale is a power of ten. */
function scaled(value: number, scale: number): number {
  return scale === 1 || !Number.isFinite(value) || /e/.test(String(value)) ? value * scale : exactValue(String(value), scale);
}
