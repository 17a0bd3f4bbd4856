// Small helpers about the words around an item: clause bounds, token lookup, noun phrases.
import type { Token } from '../segment/index.js';
import type { Paragraph } from '../document/index.js';
import type { Lexicon } from '../config/lexicon.js';

/**
 * A set of single characters, looked up by code unit in a table: a scan that tests each character
 * against it allocates nothing, where a regular expression's exec makes a match array per hit.
 */
export class CharSet {
  private readonly table = new Uint8Array(0x10000);
  constructor(readonly chars: string) {
    for (let i = 0; i < chars.length; i++) this.table[chars.charCodeAt(i)] = 1;
  }
  /** Whether `ch` (one character, or undefined past an end) is in the set. */
  test(ch: string | undefined): boolean {
    return ch !== undefined && this.table[ch.charCodeAt(0)] === 1;
  }
  /** The first offset at or after `at` holding one of the characters, or `text.length`. */
  next(text: string, at: number): number {
    let i = at;
    while (i < text.length && this.table[text.charCodeAt(i)] !== 1) i++;
    return i;
  }
}

/** What ends a clause: the words of a clause are cut on their own. */
export const CLAUSE_BREAK = new CharSet('。！？!?；;，,：:\n');

/** End of the clause from `at` on: the next clause punctuation, or the end of the text. */
export function clauseEnd(text: string, at: number): number {
  return CLAUSE_BREAK.next(text, at);
}

/** Index of the token covering offset `at` (tokens sorted by start), or -1. */
export function tokenIndexAt(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = tokens[mid]!;
    if (t.end <= at) lo = mid + 1;
    else if (t.start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Index of the first token starting at or after `at`. */
export function firstTokenFrom(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NOUN_TAGS = /^(n|nr|ns|nt|nz|ng|vn|an|j|eng|l|b)$/;
export function isNounish(t: Token): boolean {
  if (/^\d/.test(t.word) || /[^\p{Script=Han}A-Za-z]/u.test(t.word)) return false;
  return t.tag === undefined ? true : NOUN_TAGS.test(t.tag) || (t.tag.startsWith('n') && t.tag !== 'nr');
}

const LIST_JOINERS = new Set(['、', '和', '及', '与']);

/** Noun phrase of up to `max` tokens starting at token index `i` going forward ("、" lists kept). */
export function nounsAfter(tokens: Token[], i: number, max = 4): string {
  const words: string[] = [];
  let brackets = 0; // words in brackets do not use up the phrase's length
  for (let k = i; k < tokens.length && words.length - brackets < max; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (isNounish(t)) words.push(t.word);
    else if (LIST_JOINERS.has(t.word) && words.length && next && isNounish(next)) words.push(t.word);
    // An adjective opening the phrase (先进生产者, 优秀党员), and a word in brackets inside it (先进生产(工作)者).
    else if (!words.length && t.tag === 'a' && next && isNounish(next)) words.push(t.word);
    else if (words.length && /^[(（]$/.test(t.word) && /^[)）]$/.test(tokens[k + 2]?.word ?? '') && next && /^\p{Script=Han}+$/u.test(next.word)) {
      words.push(t.word, next.word, tokens[k + 2]!.word);
      brackets += 3;
      k += 2;
    } else if (words.length && t.tag === 'k' && t.word.length === 1) words.push(t.word); // 者, 们: suffixes of the noun
    else break;
  }
  while (words.length && LIST_JOINERS.has(words.at(-1)!)) words.pop();
  return words.join('');
}

// Before a number, a subject is the words back to a function word, a name or a verb that governs
// it (发展|新会员|20人, 方面的|提案|26项). jieba's tags for nouns used as verbs (提案/v, 捐款/v) are
// unreliable, so this side stops on what is clearly not part of a subject instead.
// x: jieba's tag for punctuation and for Han words it does not know (段徽); the Han test keeps the latter.
const STOP_TAGS = /^(r|p|c|u|uj|ul|uz|ud|ug|uv|d|m|q|nr|ns|zg|f|t|y|e|o)$/;
const STOP_WORDS = new Set(['发展', '新增', '征集', '举办', '开展', '组织', '召开', '发放', '走访', '慰问', '资助', '帮助', '帮扶', '救助',
  '参加', '参与', '获得', '达到', '达', '共', '累计', '合计', '计', '有', '是', '为', '现有', '拥有', '完成', '实现', '建立', '评选', '表彰',
  '培训', '签订', '收到', '提出', '采纳', '筹集', '共有', '其中', '全年', '今年', '本年度', '全区', '全镇', '各级', '我们']);

function subjectWord(t: Token): boolean {
  if (!/^[\p{Script=Han}A-Za-z]+$/u.test(t.word)) return false;
  // A single character jieba does not know is a fragment (网路图 → 图), not a word of a subject.
  if (t.tag === 'x' && t.word.length < 2) return false;
  if (t.tag !== undefined && STOP_TAGS.test(t.tag)) return false;
  return !STOP_WORDS.has(t.word);
}

/** Subject words of up to `max` tokens ending just before token index `i` ("、" lists kept). */
export function nounsBefore(tokens: Token[], i: number, max = 3): string {
  const words: string[] = [];
  let count = 0;
  for (let k = i - 1; k >= 0 && count < max; k--) {
    const t = tokens[k]!;
    if (subjectWord(t)) {
      words.unshift(t.word);
      count++;
    } else if (LIST_JOINERS.has(t.word) && words.length && tokens[k - 1] && subjectWord(tokens[k - 1]!)) {
      words.unshift(t.word);
      count = Math.max(0, count - 1); // a list item does not use up the phrase length
    } else break;
  }
  while (words.length && LIST_JOINERS.has(words[0]!)) words.shift();
  return words.join('');
}

/**
 * Clause bounds in one text by binary search over its clause breaks, found once: scanning back
 * from every number to the last punctuation was quadratic on a long line without any.
 */
export function clauseIndex(text: string, breaks: CharSet = CLAUSE_BREAK): { start(at: number): number; end(at: number): number } {
  const at: number[] = [];
  for (let i = breaks.next(text, 0); i < text.length; i = breaks.next(text, i + 1)) at.push(i);
  /** Index of the first break at or after `offset`. */
  const firstFrom = (offset: number) => {
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    start: (offset) => {
      const k = firstFrom(offset) - 1; // the last break before `offset`
      return k >= 0 ? at[k]! + 1 : 0;
    },
    end: (offset) => at[firstFrom(offset)] ?? text.length,
  };
}

/**
 * Which offsets some span already covers, so that an overlap test costs the span's length rather
 * than a pass over every span found so far (quadratic on thousands of items in one paragraph).
 */
export class Coverage {
  // Made on the first add: most paragraphs have nothing to cover.
  private covered: Uint8Array | null = null;
  constructor(
    private readonly base: number,
    private readonly length: number,
  ) {}

  add(start: number, end: number): void {
    this.covered ??= new Uint8Array(Math.max(0, this.length));
    this.covered.fill(1, Math.max(0, start - this.base), Math.max(0, end - this.base));
  }

  overlaps(start: number, end: number): boolean {
    const covered = this.covered;
    if (!covered) return false;
    for (let i = Math.max(0, start - this.base); i < end - this.base && i < covered.length; i++) if (covered[i]) return true;
    return false;
  }
}

// Each memo's values sit in a slot of an array hung on the paragraph itself: a WeakMap lookup per
// paragraph per memo cost as much as the scans it saved (about 3% of an extraction).
const MEMOS = Symbol('zongjie.paragraphMemos');
let memoCount = 0;
type Memoized = Paragraph & { [MEMOS]?: { lexicon: unknown; value: unknown }[] };

/**
 * `compute` remembered per paragraph (and lexicon): a scan that two extractors read (the numbers of
 * a paragraph: figures, blanks) runs once.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: void lets a scan that needs no lexicon be called without one
export function perParagraph<T, L extends Lexicon | void = Lexicon>(compute: (p: Paragraph, lexicon: L) => T): (p: Paragraph, lexicon: L) => T {
  const slot = memoCount++;
  return (p: Memoized, lexicon) => {
    let memos = p[MEMOS];
    // Not enumerable: a paragraph reads, compares and serialises as before.
    if (memos === undefined) Object.defineProperty(p, MEMOS, { value: (memos = []) });
    const hit = memos[slot];
    if (hit !== undefined && hit.lexicon === lexicon) return hit.value as T;
    const value = compute(p, lexicon);
    memos[slot] = { lexicon, value };
    return value;
  };
}

/** The clause bounds (CLAUSE_BREAK) of a paragraph's text, found once: the clauses words are cut by. */
export const paragraphClauses = perParagraph<ReturnType<typeof clauseIndex>, void>((p) => clauseIndex(p.text));
