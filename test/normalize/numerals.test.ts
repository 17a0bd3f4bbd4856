import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../../src/normalize/numerals.js';
import { scanNumbers } from '../../src/extract/numbers.js';

describe('Chinese numerals with 零', () => {
  it.each([
    ['一千零五十', 1050],
    ['一百零八', 108],
    ['两万零三百', 20300],
    ['三千零五万', 30050000],
    ['十万零五', 100005],
    ['一亿零五百万', 105000000],
    ['一万零一', 10001],
    ['二千零二十三', 2023],
  ])('%s = %d', (numeral, value) => {
    expect(parseChineseNumeral(numeral)).toBe(value);
  });

  it('reads the whole numeral in running text, not its tail', () => {
    expect(scanNumbers('共征集提案一千零五十条').map((n) => [n.value, n.start, n.end])).toEqual([[1050, 5, 10]]);
  });

  it('still refuses two digits in a row', () => {
    expect(parseChineseNumeral('一二十')).toBeNull();
  });
});
