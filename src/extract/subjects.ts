// The subject of a figure: what it counts, from the words around it (issue 20: never empty, never a verb).
import type { Token } from '../segment/index.js';
import { firstTokenFrom, nounsAfter, nounsBefore } from './context.js';

// Words between a subject and its number that are not part of the subject (发放慰问金共计…).
const SKIP_BEFORE = new Set(['共', '共计', '累计', '合计', '总计', '达', '达到', '约', '近', '超', '超过', '计', '为', '人民币', '各', '了', '有', '逾', '多达', '至少', '人']);
// What a subject never ends with: a filler that jieba glued to the noun (慰问金额达 → 慰问金额).
const TRAILING_FILLER = /(?:共计|累计|达到|共|达|为|计)$/;
// When nothing in the text names what is counted, the kind of unit does (never an empty subject).
const GENERIC_SUBJECT: Record<string, string> = { person: '人员', money: '金额', percent: '比例', time: '时间' };
const isNounTag = (t: Token) => t.tag !== undefined && /^(n|nz|nt|nl|ng|vn|j|l)$/.test(t.tag) && /^\p{Script=Han}+$/u.test(t.word);

/**
 * What is counted, in this order: the noun phrase after the classifier (资助18个家庭, 5000元资金), the
 * words before the number (发展新会员20人, 慰问困难职工、农民工490人), a quoted name before it
 * (创建“劳动关系和谐企业”16家), the nearest noun phrase earlier in the clause (开展竞赛活动共3次),
 * the last one of the clause before (走访困难职工家庭，共123户), and last the kind of unit (人员, 金额).
 * Tokens use paragraph offsets.
 */
export function subjectOf(tokens: Token[], start: number, end: number, kind: string, unusualOrder: boolean, previousClause: () => Token[]): string {
  if (!unusualOrder && (kind === 'person' || kind === 'count' || kind === 'money')) {
    const first = firstTokenFrom(tokens, end);
    const after = nounsAfter(tokens, first) || (kind !== 'money' ? afterRelativeClause(tokens, first) : '');
    if (after) return after;
  }
  let i = firstTokenFrom(tokens, start);
  while (i > 0 && (SKIP_BEFORE.has(tokens[i - 1]!.word) || TRAILING_FILLER.test(tokens[i - 1]!.word) && tokens[i - 1]!.tag === 'x' && tokens[i - 1]!.word.length <= 2)) i--;
  const quoted = quotedBefore(tokens, i);
  if (quoted) return quoted;
  const before = trimPhrase(tokens, i);
  if (before) return before;
  for (let k = i - 1; k >= 0; k--) if (isNounTag(tokens[k]!)) return trimPhrase(tokens, k + 1) || tokens[k]!.word;
  const previous = previousClause();
  // A parallel clause names it after its own count (有两名员工…，有两名正在…): that noun first.
  for (let k = 0; k + 1 < previous.length; k++) {
    if (previous[k]!.tag === 'm' && /\p{Script=Han}|\d/u.test(previous[k]!.word)) {
      const parallel = nounsAfter(previous, previous[k + 1]!.tag === 'q' ? k + 2 : k + 1);
      if (parallel) return parallel;
    }
  }
  for (let k = previous.length - 1; k >= 0; k--) if (isNounTag(previous[k]!)) return trimPhrase(previous, k + 1) || previous[k]!.word;
  return GENERIC_SUBJECT[kind] ?? '数量';
}

/** The noun after a short relative clause after the count (10家到期的企业 → 企业). */
function afterRelativeClause(tokens: Token[], i: number): string {
  for (let k = i; k < tokens.length && k - i <= 4; k++) {
    if (tokens[k]!.word === '的') return k > i ? nounsAfter(tokens, k + 1) : '';
    if (!/^\p{Script=Han}+$/u.test(tokens[k]!.word)) return '';
  }
  return '';
}

/** A quotation right before token `i` (“劳动关系和谐企业”2家): its text, when short enough to be a name. */
function quotedBefore(tokens: Token[], i: number): string {
  if (!/^[”」』]$/.test(tokens[i - 1]?.word ?? '')) return '';
  let k = i - 2;
  while (k >= 0 && !/^[“「『]$/.test(tokens[k]!.word)) k--;
  if (k < 0) return '';
  const inner = tokens.slice(k + 1, i - 1).map((t) => t.word).join('');
  return inner.length >= 2 && inner.length <= 16 && /^\p{Script=Han}/u.test(inner) ? inner : '';
}

/** The subject words before token `i`, without a verb that opens them (组建企业工会 → 企业工会) or a trailing filler. */
function trimPhrase(tokens: Token[], i: number): string {
  const phrase = nounsBefore(tokens, i);
  if (!phrase) return '';
  let from = i;
  let length = 0;
  while (from > 0 && length < phrase.length) length += tokens[--from]!.word.length;
  let words = tokens.slice(from, i);
  // 男15人、女8人: the 人 of the count before belongs to it, not to this subject.
  if (words.length > 2 && /^\d/.test(tokens[from - 1]?.word ?? '') && /^[、和及与]$/.test(words[1]!.word)) words = words.slice(2);
  while (words.length > 1 && words[0]!.tag === 'v') words = words.slice(1);
  const text = words.map((t) => t.word).join('').replace(TRAILING_FILLER, '');
  // A lone verb is no subject (实施125条, 拿出5000元), but jieba tags some nouns as verbs (提案/v 26项).
  if (words.length === 1 && words[0]!.tag === 'v' && VERB_NOT_SUBJECT.test(text)) return '';
  return text.length >= 1 ? text : '';
}

// Verbs that jieba tags v and that stand before a number without being what it counts.
const VERB_NOT_SUBJECT = /^(?:进行|给予|予以|奖励|支付|发放|实施|确定|创建|组建|新建|建成|拿出|投入|增加|减少|增长|下降|提高|降低|连续|申报|推荐|选派|安排|落实|解决|帮助|接待|受理|办理|达成|签约|覆盖|惠及|涉及|形成|取得|获得|收集|收到|上报|报送|评出|评选|选树|命名)$/;
