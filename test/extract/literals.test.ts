// The word-list matcher finds what one regular expression alternating the same words, in the same
// order, finds: on the activity words over the corpus, and on random words and text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Literals } from '../../src/text/literals.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import { CORPUS_FILES, corpusPath } from '../helpers/corpus.js';

const escapeText = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) => new RegExp(words.map(escapeText).join('|'), 'g');
const byRegex = (re: RegExp, text: string, start: number, end: number) =>
  [...text.slice(start, end).matchAll(re)].map((m) => ({ index: start + m.index, word: m[0] }));

describe('Literals', () => {
  it('finds the activity keywords and verbs of every corpus report as their alternation does', () => {
    const { activityKeywords, activityVerbText } = loadLexicon();
    let matches = 0;
    for (const file of CORPUS_FILES) {
      const text = readFileSync(corpusPath(file.slice(0, 3)), 'utf8');
      for (const literals of [activityKeywords, activityVerbText]) {
        const re = alternation(literals.words);
        const found = literals.matches(text, 0, text.length);
        expect(found).toEqual(byRegex(re, text, 0, text.length));
        matches += found.length;
      }
    }
    expect(matches).toBeGreaterThan(500);
  });

  it('agrees with the alternation on random words and text, within any bounds', () => {
    const alphabet = fc.constantFrom('劳', '动', '竞', '赛', '技', '能', 'a', 'ab', '，');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 40 }).map((p) => p.join('')), fc.nat(), fc.nat(), (words, text, a, b) => {
        const literals = new Literals(words);
        const re = alternation(words);
        const start = text.length ? a % (text.length + 1) : 0;
        const end = start + (text.length - start ? b % (text.length - start + 1) : 0);
        const expected = byRegex(re, text, start, end);
        expect(literals.matches(text, start, end)).toEqual(expected);
        expect(literals.occursIn(text, start, end)).toBe(expected.length > 0);
        // The last place a word starts: where an anchored alternation matches within the bounds, scanning back.
        let last = -1;
        for (let i = end - 1; i >= start && last < 0; i--) if (new RegExp(`^(?:${words.map(escapeText).join('|')})`).test(text.slice(i, end))) last = i;
        expect(literals.lastStart(text, start, end)).toBe(last);
        const first = new RegExp(`^(?:${words.map(escapeText).join('|')})`).exec(text.slice(start, end));
        expect(literals.matchAt(text, start, end)).toBe(first ? first[0] : null);
        // The candidates at a place, kept by startsWith, are the words an anchored alternation of each finds there.
        const at = text.length ? a % text.length : 0;
        const starting = literals.candidatesAt(text, at).filter((w) => text.startsWith(w, at));
        expect(starting).toEqual(words.filter((w) => new RegExp(`^${escapeText(w)}`).test(text.slice(at))));
      }),
      { numRuns: 2000 },
    );
  });
});
