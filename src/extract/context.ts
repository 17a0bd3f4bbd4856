// Small helpers about the words around an item: clause bounds, token lookup, noun phrases.
import type { Token } from '../segment/index.js';

const CLAUSE_BREAK = /[。！？!?；;，,：:\n]/;

/** Start of the clause containing `at` (after the last clause punctuation). */
export function clauseStart(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && !CLAUSE_BREAK.test(text[i]!)) i--;
  return i + 1;
}

export function clauseEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !CLAUSE_BREAK.test(text[i]!)) i++;
  return i;
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
  for (let k = i; k < tokens.length && words.length < max; k++) {
    const t = tokens[k]!;
    if (isNounish(t)) words.push(t.word);
    else if (LIST_JOINERS.has(t.word) && words.length && tokens[k + 1] && isNounish(tokens[k + 1]!)) words.push(t.word);
    else break;
  }
  while (words.length && LIST_JOINERS.has(words.at(-1)!)) words.pop();
  return words.join('');
}

/** Noun phrase of up to `max` tokens ending just before token index `i` ("、" lists kept). */
export function nounsBefore(tokens: Token[], i: number, max = 4): string {
  const words: string[] = [];
  for (let k = i - 1; k >= 0 && words.length < max + 2; k--) {
    const t = tokens[k]!;
    if (isNounish(t)) words.unshift(t.word);
    else if (LIST_JOINERS.has(t.word) && words.length && tokens[k - 1] && isNounish(tokens[k - 1]!)) words.unshift(t.word);
    else break;
  }
  while (words.length && LIST_JOINERS.has(words[0]!)) words.shift();
  return words.join('');
}
