// Activities: an event verb and its object (召开职代会, 开展劳动竞赛, 走访慰问困难职工), a category from
// rules/activities.yml, and the count and participants when the clause gives them.
import type { Paragraph } from '../document/index.js';
import type { Lexicon } from '../config/lexicon.js';
import type { ParagraphWords } from './words.js';
import type { FoundFigure } from './figures.js';
import { CharSet, firstTokenFrom, perParagraph } from './context.js';
import type { Token } from '../segment/index.js';

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
// The category of an activity whose object holds none of the keywords (修建道路, 配备设备).
const OTHER_CATEGORY = '其他';

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

// 工会组织, 党组织, 团组织, 各级组织: 组织 after these is a noun.
const NOUN_BEFORE_ORGANISATION = /[会党团级群]/;

/**
 * Whether the clause [cs, ce) can hold an activity, read on the characters so that only such clauses
 * are segmented: one of the verb words is in it, with room for an object after it.
 */
function mayHoldActivity(text: string, cs: number, ce: number, lexicon: Lexicon): boolean {
  const { activityVerbText } = lexicon;
  for (let i = cs; i < ce - 1; i++) {
    for (const verb of activityVerbText.candidatesAt(text, i)) {
      // The second character first: most candidates differ there, and startsWith is a call.
      if (i + verb.length >= ce || (verb.length > 1 && text.charCodeAt(i + 1) !== verb.charCodeAt(1)) || !text.startsWith(verb, i)) continue;
      // Room for an object (two characters after any 了), and no 的 making the verb a modifier (组织的活动)
      // or a noun before making it one (工会组织, 党组织).
      let at = i + verb.length;
      while (text.charCodeAt(at) === LE) at++;
      if (ce - at < 2 || text.charCodeAt(at) === DE || (verb === '组织' && NOUN_BEFORE_ORGANISATION.test(text[i - 1] ?? ''))) continue;
      return true;
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

// Words that may stand inside an object: list joiners, quotes, 的, and determiners (各类书籍).
const OBJECT_JOINERS = new Set(['、', '和', '及', '与', '以及', '“', '”', '《', '》', '的', '各', '各类', '各项', '各级', '各个', '全体', '所有', '全部']);

// Manner words between a light verb and the verb it carries (进行合理堆放, 进行突击检查).
const MANNER = new Set(['合理', '突击', '集中', '专题', '热烈', '明确', '认真', '及时', '全面', '深入', '广泛', '重点', '统一', '专项']);

// Adverbs jieba glues to the verb after them (积极开展, 广泛开展, 认真组织): the verb is still the activity's.
const ADVERB_PREFIX = /^(?:积极|广泛|深入|认真|大力|全面|扎实|继续|持续|切实|主动|及时|先后|共|先|又|再|还|均|多次|定期|集中|联合|精心|成功|相继)/;

/** An activity verb of two to four characters closing a longer word (物质奖励 → 奖励). */
function verbAtEnd(word: string, verbs: ReadonlySet<string>): string | undefined {
  for (let length = Math.min(4, word.length - 1); length >= 2; length--) {
    const tail = word.slice(-length);
    if (verbs.has(tail)) return tail;
  }
  return undefined;
}

/** The activity verb at the end of a word that opens on an adverb (积极开展 → 开展), or null. */
function verbAfterAdverb(word: string, verbs: ReadonlySet<string>): string | null {
  const adverb = ADVERB_PREFIX.exec(word);
  if (!adverb || adverb[0].length === word.length) return null;
  const rest = word.slice(adverb[0].length);
  return verbs.has(rest) ? rest : null;
}

/** 对X进行…: X, when 对 opens the clause's words before the light verb at `at` (within an object's length). */
function objectAfterDui(text: string, cs: number, at: number): { start: number; text: string } | null {
  // Looked for within an object's length only: a search back to the clause start was quadratic on a long clause.
  const dui = lastIndexWithin(text, '对', at, Math.max(cs, at - MAX_OBJECT - 1));
  return dui >= 0 && at - dui > 1 ? { start: dui, text: text.slice(dui + 1, at) } : null;
}

/** The last `ch` in [from, at), or -1. */
function lastIndexWithin(text: string, ch: string, at: number, from: number): number {
  for (let i = at - 1; i >= from; i--) if (text[i] === ch) return i;
  return -1;
}

/** Whether `at` stands inside a quotation (“创建学习型组织”活动): a verb there is part of a name. */
function insideQuotes(text: string, at: number): boolean {
  const open = lastIndexWithin(text, '“', at, Math.max(0, at - 40));
  return open >= 0 && lastIndexWithin(text, '”', at, open) < 0;
}

/** The last word of [from, limit) when it is a verb or verbal noun, the words before it a noun phrase. */
function contentVerbLast(tagged: Token[], from: number, limit: number): Token | null {
  let last: Token | null = null;
  for (const t of tagged) {
    if (t.start < from) continue;
    if (t.end > limit || !/^[\p{Script=Han}]+$/u.test(t.word)) break;
    last = t;
  }
  return last && last.tag !== undefined && /^(v|vn)$/.test(last.tag) && last.start > from ? last : null;
}

// An object that names no particular thing (开展活动, 完成任务), or a prepositional phrase that is none (实施以…为).
const GENERIC_OBJECT = /^(?:活动|工作|任务|各项工作|相关工作)$/;
const PREPOSITION_FIRST = /^[以从将对在向把被为于、和及与]/;

function concreteObject(object: string, lexicon: Lexicon, keyword = false): boolean {
  // With a keyword the object may open on a preposition: 开展以“六赛”为主题的劳动竞赛活动.
  if (object.length < 2 || GENERIC_OBJECT.test(object) || (!keyword && PREPOSITION_FIRST.test(object)) || /^[、和及与]/.test(object)) return false;
  // Each part of a list counts: 建立安全意识、接受安全教育 opens on an abstract one.
  const first = object.split(/[、，]/)[0]!;
  return !lexicon.abstractObjects.some((w) => object.endsWith(w) || first.endsWith(w));
}

// Words that end an object read without tags: function words, and verbs that start another predicate.
const OBJECT_STOP = new Set(['在', '对', '把', '将', '为', '以', '从', '向', '给', '被', '让', '使', '由', '于', '并', '而', '或', '就', '也', '都', '又', '还',
  '要', '是', '有', '不', '没有', '能', '可以', '通过', '以便', '确保', '做到', '提高', '增强', '加强', '促进', '推动', '实现', '达到', '用于', '作为', '进一步',
  '得到', '取得', '形成', '营造', '保证', '保障', '为了', '使得', '并且', '同时', '共', '达', '等', '中', '上', '下', '里', '了', '着', '过', '到', '后', '前', '时']);

/**
 * The object noun phrase from `from` to at most `limit` when no keyword gives one (修建道路, 配备
 * 设备), read from the plain words — jieba's tags cost as much again as its cut, and read no better
 * here: the words up to a function word, another activity verb or the limit. null when there is
 * none, or it names nothing concrete (建立安全意识, 开展活动).
 */
function plainNounObject(tokens: Token[], text: string, from: number, limit: number, lexicon: Lexicon): { end: number; object: string } | null {
  let k = firstTokenFrom(tokens, from);
  let end = -1;
  for (; k < tokens.length && tokens[k]!.end <= limit; k++) {
    const t = tokens[k]!;
    if (OBJECT_JOINERS.has(t.word)) continue;
    if (OBJECT_STOP.has(t.word) || lexicon.activityVerbSet.has(t.word) || !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(t.word)) break;
    end = t.end;
  }
  if (end < 0) return null;
  const object = text.slice(from, end).replace(/^[“《]|[”》]$/g, '');
  return concreteObject(object, lexicon) ? { end, object } : null;
}

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
    // A clause with no category keyword can only hold objects read from the tagged words: tag it
    // once rather than cut it and tag it again (jieba cuts the same words either way).
    let tagged: Token[] | undefined;
    const inClause = words.plainRange(cs, ce);
    // The activity verb of each word: the word itself, or its end after an adverb jieba glued to it
    // (积极开展 → 开展). A verb before 的 modifies a noun (举办的比赛, 组织的活动): no activity of its own.
    const verbOf = inClause.map((t) => (text.charCodeAt(t.end) === DE ? null : verbs.has(t.word) ? t.word : verbAfterAdverb(t.word, verbs)));
    const isVerb = (k: number) => k < inClause.length && verbOf[k] !== null;
    for (let i = 0; i < inClause.length; i++) {
      if (!isVerb(i) || insideQuotes(text, inClause[i]!.start)) continue;
      // Verbs in a row make one verb (走访慰问, 组织开展); a word written twice (开展开展) once.
      let j = i;
      // 清洗与维护, 走访、慰问: verbs joined by 、 与 和 及 right after each other are one activity too.
      while (isVerb(j + 1) || (/^(、|与|和|及)$/.test(inClause[j + 1]?.word ?? '') && isVerb(j + 2))) j += isVerb(j + 1) ? 1 : 2;
      const chain: string[] = [];
      for (let k = i; k <= j; k++) {
        const word = verbOf[k] === null ? null : (lexicon.activityVerbAliases.get(verbOf[k]!) ?? verbOf[k]!);
        if (word !== null && chain.at(-1) !== word) chain.push(word);
      }
      let verbStart = inClause[i]!.end - (i === j ? chain[0]!.length : inClause[i]!.word.length);
      let verbEnd = inClause[j]!.end;
      // A light verb inside a chain names nothing (进行走访 → 走访).
      let verb = chain.filter((w, k) => k === chain.length - 1 || !lexicon.activityLightVerbs.has(w)).join('');
      let objectBefore: { start: number; text: string } | null = null;
      // 进行慰问, 给予奖励: the verb after the light verb is the activity; its object may stand before,
      // after 对 (对贫困户进行了慰问).
      const light = lexicon.activityLightVerbs.has(chain.at(-1)!);
      // 进行清洗 cut as two words of the chain: the content verb is already in it.
      let extended = !light && chain.slice(0, -1).some((w) => lexicon.activityLightVerbs.has(w));
      if (extended) objectBefore = objectAfterDui(text, cs, inClause[i]!.start);
      if (light) {
        tagged ??= words.clause(cs);
        let at = verbEnd;
        while (text.charCodeAt(at) === LE) at++;
        let k = firstTokenFrom(tagged, at);
        if (tagged[k]?.start !== at) k = -1;
        // Manner words and counts may come first: 进行合理堆放, 进行一次集中补充, 进行认真检查.
        while (k >= 0 && k + 1 < tagged.length && (MANNER.has(tagged[k]!.word) || /^(a|ad|d|m|q|mq)$/.test(tagged[k]!.tag ?? '')) && tagged[k + 1]!.start === tagged[k]!.end) k++;
        let next = tagged[k];
        // 突击检查, 物质奖励 cut as one word: its verb at the end is what was done.
        const suffix = next && !/^v/.test(next.tag ?? '') ? verbAtEnd(next.word, verbs) : undefined;
        if (next && suffix) next = { word: suffix, start: next.end - suffix.length, end: next.end, tag: 'v' };
        // 予以表现的…: the carried verb modifies a noun, so the light verb does no activity either.
        if (next && /^v/.test(next.tag ?? '') && text.charCodeAt(next.end) === DE) {
          i = j;
          continue;
        }
        if (next && next.tag !== undefined && /^v/.test(next.tag) && !lexicon.activityLightVerbs.has(next.word)) {
          const rest = chain.slice(0, -1);
          // Verbs joined by 、 与 和 are one activity on one object: 除锈、刷漆, 清洗与维护.
          let last = k;
          while (last + 2 < tagged.length && /^(、|与|和|及)$/.test(tagged[last + 1]!.word) && /^(v|z)$/.test(tagged[last + 2]!.tag ?? '')) last += 2;
          verb = rest.join('') + [next, ...tagged.slice(k + 1, last + 1)].filter((_, n) => n % 2 === 0).map((t) => t.word).join('');
          if (!rest.length) verbStart = next.start;
          verbEnd = last > k ? tagged[last]!.end : next.end;
          extended = true;
          objectBefore = objectAfterDui(text, cs, inClause[j]!.start);
        }
      }
      // 组织职工参加培训: the activity is 参加培训's; 组织 alone is none.
      if (j === i && lexicon.activityPivotVerbs.has(verb)) {
        let k = j + 1;
        while (k < inClause.length && k - j <= 4 && !isVerb(k) && /^\p{Script=Han}+$/u.test(inClause[k]!.word)) k++;
        if (k > j + 1 && isVerb(k)) continue;
      }
      // The object follows the verb (and a 了 or 的), up to the next activity verb; the category is the
      // first whose keyword it holds.
      let objectStart = verbEnd;
      while (objectStart < ce && (text.charCodeAt(objectStart) === LE || text.charCodeAt(objectStart) === DE)) objectStart++;
      let nextVerb = j + 1;
      while (nextVerb < inClause.length && (inClause[nextVerb]!.start < objectStart || !isVerb(nextVerb))) nextVerb++;
      const limit = Math.min(ce, objectStart + MAX_OBJECT, inClause[nextVerb]?.start ?? ce);
      let categoryIndex = Infinity;
      let keywordEnd = -1;
      for (const m of lexicon.activityKeywords.matches(text, objectStart, limit)) {
        categoryIndex = Math.min(categoryIndex, lexicon.keywordCategory.get(m.word)!);
        keywordEnd = Math.max(keywordEnd, m.index - objectStart + m.word.length);
      }
      let end: number;
      let object: string;
      if (keywordEnd >= 0) {
        end = objectStart + keywordEnd;
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
        object = text.slice(objectStart, end);
        if (!concreteObject(object, lexicon, true)) {
          i = j;
          continue;
        }
      } else if (extended && objectBefore && objectBefore.text.length >= 2) {
        // 对主要设备进行清洗与维护: the object is what 对 names.
        end = verbEnd;
        object = objectBefore.text;
      } else {
        // Read the words only where an object can be: two characters or more, not opening on a preposition.
        if ((limit - objectStart < 2 || PREPOSITION_FIRST.test(text[objectStart] ?? '')) && !objectBefore) {
          i = j;
          continue;
        }
        // After a light verb the content verb may close the object, past the limit a verb sets: 进行专题检查.
        if (light && !extended) tagged ??= words.clause(cs);
        const lastVerb = light && !extended ? contentVerbLast(tagged!, objectStart, Math.min(ce, objectStart + MAX_OBJECT)) : null;
        const phrase = lastVerb ? null : plainNounObject(inClause, text, objectStart, limit, lexicon);
        if (phrase) ({ end, object } = phrase);
        else if (lastVerb) {
          // 进行专题检查, 进行了职工代表中期视察: the verbal noun at the end is what was done.
          verb = lastVerb.word;
          end = lastVerb.end;
          while (j + 1 < inClause.length && inClause[j + 1]!.start < end) j++; // the content verb is not an activity again
          object = text.slice(objectStart, lastVerb.start) || objectBefore?.text || '';
          if (object.length < 2) {
            i = j;
            continue;
          }
        } else if (objectBefore && objectBefore.text.length >= 2) [end, object] = [verbEnd, objectBefore.text];
        else {
          i = j;
          continue;
        }
      }
      if (keywordEnd < 0) {
        for (const m of lexicon.activityKeywords.matches(object, 0, object.length)) categoryIndex = Math.min(categoryIndex, lexicon.keywordCategory.get(m.word)!);
      }
      const category = lexicon.activityCategories[categoryIndex]?.id ?? OTHER_CATEGORY;
      const activity: FoundActivity = { start: paragraph.start + (objectBefore?.start ?? verbStart), end: paragraph.start + end, verb, object, category };
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
