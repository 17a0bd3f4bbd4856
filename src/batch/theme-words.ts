// Which words may be a year's theme: Chinese words of two characters or more that are neither stop
// words (rules/stopwords.yml), nor placeholders (某某, rules/placeholders.yml), nor numerals with or
// without a classifier (三个, 一次, 七届, 十四五, 二十大, 第一, 一百周年, 三分之一), nor units (万元).
// 统一, 一线, 一流, 零事故 stay: a numeral inside a word is not a number.
import { join } from 'node:path';
import { z } from 'zod';
import { loadLexicon, type Lexicon } from '../config/lexicon.js';
import { rulesDir } from '../config/paths.js';
import { loadYamlRules } from '../config/yaml-file.js';

const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const NUMERAL = '零〇○一二两三四五六七八九十百千万亿廿卅';
const LEADING_NUMERALS = new RegExp(`^第?[${NUMERAL}]+`, 'u');
const FRACTION = new RegExp(`^[${NUMERAL}]+分之[${NUMERAL}]+$`, 'u');
/** Words after a numeral that make it a count or a date, besides the lexicon's units and period words. */
const COUNT_WORDS = ['周年', '季度', '号', '级', '大', '中全会'];
const countWordsOf = new WeakMap<Lexicon, string[]>();

export type ThemeWordFilter = (word: string) => boolean;

let stopwords: Set<string> | null = null;

function loadStopwords(): Set<string> {
  stopwords ??= new Set(loadYamlRules(join(rulesDir(), 'stopwords.yml'), z.object({ stopwords: z.array(z.string()) })).stopwords);
  return stopwords;
}

/** Whether `rest` is made only of units, period words and count words (个班 = 个 + 班). */
function onlyCountWords(rest: string, words: readonly string[]): boolean {
  if (rest === '') return true;
  return words.some((w) => rest.startsWith(w) && onlyCountWords(rest.slice(w.length), words));
}

/** A numeral, alone or with what it counts: 三个, 一次, 七届, 十四五, 第一, 一百周年, 三分之一. */
export function isNumeralWord(word: string, lexicon: Lexicon = loadLexicon()): boolean {
  if (FRACTION.test(word)) return true;
  const numerals = LEADING_NUMERALS.exec(word);
  if (!numerals) return false;
  let counts = countWordsOf.get(lexicon);
  if (!counts) countWordsOf.set(lexicon, (counts = [...lexicon.units.map((u) => u.unit), ...lexicon.periodWords, ...COUNT_WORDS].sort((a, b) => b.length - a.length)));
  return onlyCountWords(word.slice(numerals[0].length), counts);
}

/** The filter for theme words, with the rule files read once. */
export function themeWordFilter(lexicon: Lexicon = loadLexicon()): ThemeWordFilter {
  const stop = loadStopwords();
  const units = new Set(lexicon.units.map((u) => u.unit));
  const placeholders = lexicon.placeholders.map((p) => new RegExp(p.regex.source, 'u'));
  const numerals = new Map<string, boolean>();
  return (word: string) => {
    if (!HAN_WORD.test(word) || stop.has(word) || units.has(word)) return false;
    if (placeholders.some((p) => p.test(word))) return false;
    let numeral = numerals.get(word);
    if (numeral === undefined) numerals.set(word, (numeral = isNumeralWord(word, lexicon)));
    return !numeral;
  };
}
