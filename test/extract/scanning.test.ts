// The scanning helpers that replace regular-expression scans on the hot path find what the
// expressions found: allMatches as String.prototype.matchAll, CharSet as a character class.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/text/matches.js';
import { CharSet, clauseIndex } from '../../src/extract/context.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import { CORPUS_FILES, corpusPath } from '../helpers/corpus.js';

const asPairs = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, m[0], ...m.slice(1)]);

describe('allMatches', () => {
  it('finds every placeholder pattern of the rules in every corpus report as matchAll does', () => {
    let total = 0;
    for (const file of CORPUS_FILES) {
      const text = readFileSync(corpusPath(file.slice(0, 3)), 'utf8');
      for (const { regex } of loadLexicon().placeholders) {
        const found = allMatches(regex, text);
        expect(asPairs(found)).toEqual(asPairs(text.matchAll(regex)));
        expect(regex.lastIndex).toBe(0);
        total += found.length;
      }
    }
    expect(total).toBeGreaterThan(100);
  });

  it('steps over empty matches by code unit, or by code point under u, as matchAll does', () => {
    const text = '𠮷a𠮷，x';
    for (const re of [/(?:)/g, /(?:)/gu, /x*/g, /x*/gu, /(?=a)|𠮷/gu, /\p{Script=Han}*/gu]) {
      expect(asPairs(allMatches(re, text))).toEqual(asPairs(text.matchAll(re)));
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'x', '𠮷', '，', ''), { maxLength: 12 }).map((p) => p.join('')), fc.constantFrom('x*', 'a|', '(?:)', '[^a]?', '𠮷*'), fc.boolean(), (s, source, unicode) => {
        const re = new RegExp(source, unicode ? 'gu' : 'g');
        expect(asPairs(allMatches(re, s))).toEqual(asPairs(s.matchAll(re)));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an expression without the g flag, as matchAll does', () => {
    expect(() => allMatches(/a/, 'aa')).toThrow(TypeError);
  });
});

describe('CharSet', () => {
  it('finds the same characters as the character class it stands for', () => {
    const set = new CharSet('。！？!?；;，,：:\n');
    const re = /[。！？!?；;，,：:\n]/;
    const text = readFileSync(corpusPath('001'), 'utf8');
    const bySet: number[] = [];
    for (let i = set.next(text, 0); i < text.length; i = set.next(text, i + 1)) bySet.push(i);
    const byRegex = [...text.matchAll(new RegExp(re.source, 'g'))].map((m) => m.index);
    expect(bySet).toEqual(byRegex);
    expect(bySet.length).toBeGreaterThan(500);
    expect(set.test('，')).toBe(true);
    expect(set.test('、')).toBe(false);
    expect(set.test(undefined)).toBe(false);
    expect(set.next('abc', 0)).toBe(3);
  });

  it('gives clause bounds at the breaks, and the whole text when there is none', () => {
    const clauses = clauseIndex('召开职代会，参加100人。\n发展会员');
    expect([clauses.start(3), clauses.end(3)]).toEqual([0, 5]);
    expect([clauses.start(8), clauses.end(8)]).toEqual([6, 12]);
    expect([clauses.start(14), clauses.end(14)]).toEqual([14, 18]);
    const none = clauseIndex('没有标点的一行');
    expect([none.start(3), none.end(3)]).toEqual([0, 7]);
  });
});
