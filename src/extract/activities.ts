// Activities: an event verb and its object (召开职代会, 开展劳动竞赛, 走访慰问困难职工), a category from
// rules/activities.yml, and the count and participants when the clause gives them.
import type { Paragraph } from '../document/index.js';
import type { Lexicon } from '../config/lexicon.js';
import type { ParagraphWords } from './words.js';
import type { FoundFigure } from './figures.js';
import { CharSet, perParagraph } from './context.js';

export interface FoundActivity {
  start: number;
  end: number;
  verb: string;
  object: string;
  category: string;
  count?: number;
  participants?: number;
}

// Activity clauses run across line breaks, unlike CLAUSE_BREAK's.
const CLAUSE_END = new CharSet('。！？!?；;，,：:');
const EVENT_UNITS = new Set(['次', '场', '场次', '期', '届', '批', '轮', '班']);
const PERSON_UNITS = new Set(['人', '人次', '名', '位']);
const MAX_OBJECT = 16;
const LE = '了'.charCodeAt(0);
const DE = '的'.charCodeAt(0);
// What may close an object after its last keyword (劳动竞赛活动), tried in this order.
const TRAILING = ['活动', '工作', '比赛', '竞赛'];

/** Clause ranges (paragraph offsets) of a paragraph, as [start, end) pairs one after another. */
function clauseBounds(text: string): Int32Array {
  const bounds: number[] = [];
  let start = 0;
  for (let at = CLAUSE_END.next(text, 0); at < text.length; at = CLAUSE_END.next(text, at + 1)) {
    if (at > start) bounds.push(start, at);
    start = at + 1;
  }
  if (text.length > start) bounds.push(start, text.length);
  return new Int32Array(bounds);
}

/**
 * Whether the clause [cs, ce) can hold an activity, read on the characters so that only such clauses
 * are segmented: an activity's last verb is one of the verb words, ending at some E, and a keyword
 * lies within MAX_OBJECT characters of E (after any 了/的), the window findActivities reads. Clauses
 * with a verb and a keyword that are not so placed (都是为了职工, 职工之家…组织) are passed over.
 */
function mayHoldActivity(text: string, cs: number, ce: number, lexicon: Lexicon): boolean {
  const { activityKeywords, activityVerbText } = lexicon;
  // A verb ends where its object starts, at or before the keyword: none after the last keyword can count.
  const lastKeyword = activityKeywords.lastStart(text, cs, ce);
  for (let i = cs; i < lastKeyword; i++) {
    for (const verb of activityVerbText.candidatesAt(text, i)) {
      // The second character first: most candidates differ there, and startsWith is a call.
      if (i + verb.length > ce || (verb.length > 1 && text.charCodeAt(i + 1) !== verb.charCodeAt(1)) || !text.startsWith(verb, i)) continue;
      let objectStart = i + verb.length;
      while (objectStart < ce && (text.charCodeAt(objectStart) === LE || text.charCodeAt(objectStart) === DE)) objectStart++;
      if (activityKeywords.occursIn(text, objectStart, Math.min(ce, objectStart + MAX_OBJECT))) return true;
    }
  }
  return false;
}

/**
 * A paragraph's clauses, as [start, end) pairs one after another, and which of them can hold an
 * activity (1), in typed arrays: a paragraph of 200,000 clauses holds no object per clause.
 */
const activityClauses = perParagraph((p, lexicon) => {
  const bounds = clauseBounds(p.text);
  const may = new Uint8Array(bounds.length / 2);
  for (let i = 0; i < may.length; i++) if (mayHoldActivity(p.text, bounds[2 * i]!, bounds[2 * i + 1]!, lexicon)) may[i] = 1;
  return { bounds, may };
});

export function findActivities(paragraph: Paragraph, words: ParagraphWords, figures: FoundFigure[], lexicon: Lexicon): FoundActivity[] {
  const { text } = paragraph;
  const verbs = lexicon.activityVerbSet;
  const found: FoundActivity[] = [];
  const { bounds, may } = activityClauses(paragraph, lexicon);
  const firstFigureFrom = (at: number) => {
    let lo = 0;
    let hi = figures.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (figures[mid]!.start - paragraph.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let index = 0; index < may.length; index++) {
    if (!may[index]) continue;
    const cs = bounds[2 * index]!;
    const ce = bounds[2 * index + 1]!;
    let nearby: { count?: FoundFigure; people?: FoundFigure } | undefined;
    const inClause = words.plainRange(cs, ce);
    for (let i = 0; i < inClause.length; i++) {
      if (!verbs.has(inClause[i]!.word)) continue;
      // Verbs in a row make one verb (走访慰问, 组织开展).
      let j = i;
      while (j + 1 < inClause.length && verbs.has(inClause[j + 1]!.word)) j++;
      const verbStart = inClause[i]!.start;
      const verbEnd = inClause[j]!.end;
      // The object follows the verb (and a 了 or 的); the category is the first whose keyword it holds.
      // (Read in place: a slice of the rest of the clause per verb was most of what this allocated.)
      let objectStart = verbEnd;
      while (objectStart < ce && (text.charCodeAt(objectStart) === LE || text.charCodeAt(objectStart) === DE)) objectStart++;
      // The category is that of the earliest-listed category among the keywords in reach; the
      // object runs to the last keyword (困难职工走访慰问), plus a trailing 活动/工作 (劳动竞赛活动).
      let categoryIndex = Infinity;
      let keywordEnd = -1;
      for (const m of lexicon.activityKeywords.matches(text, objectStart, Math.min(ce, objectStart + MAX_OBJECT))) {
        categoryIndex = Math.min(categoryIndex, lexicon.keywordCategory.get(m.word)!);
        keywordEnd = Math.max(keywordEnd, m.index - objectStart + m.word.length);
      }
      if (keywordEnd < 0) {
        i = j;
        continue;
      }
      const category = lexicon.activityCategories[categoryIndex]!.id;
      let end = objectStart + keywordEnd;
      // Binary search (token ends increase): a scan from the clause start was quadratic on a long clause.
      let lo = 0;
      let hi = inClause.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (inClause[mid]!.end < end) lo = mid + 1;
        else hi = mid;
      }
      const holder = inClause[lo] !== undefined && inClause[lo]!.start < end ? inClause[lo] : undefined;
      if (holder) end = holder.end;
      const trailing = TRAILING.find((word) => end + word.length <= ce && text.startsWith(word, end));
      if (trailing) end += trailing.length;
      const object = text.slice(objectStart, end);
      const activity: FoundActivity = { start: paragraph.start + verbStart, end: paragraph.start + end, verb: text.slice(verbStart, verbEnd), object, category };
      // Count and participants: figures in this clause (共组织各类劳动竞赛19次) and the next (参加职工达1300人次).
      // The same for every activity of the clause, so found once per clause, by binary search
      // (figures are in order): filtering every figure for every activity was quadratic.
      nearby ??= (() => {
        const next = index + 1 < may.length ? ([bounds[2 * index + 2]!, bounds[2 * index + 3]!] as const) : undefined;
        const to = next && /参加|参与|参赛|受训|惠及|覆盖/.test(text.slice(next[0], next[1])) ? next[1] : ce;
        const out: { count?: FoundFigure; people?: FoundFigure } = {};
        for (let k = firstFigureFrom(cs); k < figures.length && figures[k]!.start - paragraph.start < to && !(out.count && out.people); k++) {
          const f = figures[k]!;
          if (!out.count && EVENT_UNITS.has(f.unit)) out.count = f;
          if (!out.people && PERSON_UNITS.has(f.unit)) out.people = f;
        }
        return out;
      })();
      const { count, people } = nearby;
      if (count) activity.count = count.value;
      if (people) activity.participants = people.value;
      found.push(activity);
      i = j;
    }
  }
  return found;
}
