// Removing a class of characters through the table gives what a global replace with the class gives,
// on any text: astral characters, lone surrogates, controls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charClass, removeChars } from '../../src/normalize/char-class.js';

describe('removeChars', () => {
  it('equals a global replace of the class, on arbitrary text', () => {
    const punctuation = charClass(/^[\p{P}\p{S}\s]$/u);
    const noise = charClass(/^[\s\p{P}\p{S}\p{Cc}\p{Cf}]$/u);
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }), // lone surrogates included
      fc.constantFrom('，。！？；：“”（）《》、', '２０２３年　第一', '😀𠀀\u200b\u0007', '开展活动 \t\n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), (text) => {
        expect(removeChars(text, punctuation)).toBe(text.replace(/[\p{P}\p{S}\s]/gu, ''));
        expect(removeChars(text, noise)).toBe(text.replace(/[\s\p{P}\p{S}\p{Cc}\p{Cf}]/gu, ''));
      }),
      { numRuns: 3000 },
    );
    expect(removeChars('一、开展“金点子”活动。', punctuation)).toBe('一开展金点子活动');
  });
});
