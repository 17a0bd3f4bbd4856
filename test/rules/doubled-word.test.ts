import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('doubled-word', {
  valid: [
    '高高扬起旗帜，层层签订责任书，形成人人讲安全、时时讲安全的氛围。',
    '认认真真学习，实实在在做事，家家户户受益。',
    '这件事我们再研究研究。',
  ],
  invalid: [
    { text: '认真组织开展开展以“六赛”为主题的劳动竞赛。', errors: [{ messageId: 'doubled', line: 1, column: 5, endColumn: 9, message: '“开展”重复写了两遍' }], output: '认真组织开展以“六赛”为主题的劳动竞赛。' },
    { text: '持续深化开展社会主义劳动竞赛竞赛，细化落实。', errors: [{ messageId: 'doubled', line: 1, column: 13, message: '“竞赛”' }] },
    { text: '积极与上级工会及其他组织的组织的活动。', errors: [{ messageId: 'doubled', line: 1, column: 11, message: '“组织的”' }], output: '积极与上级工会及其他组织的活动。' },
    // A run of copies is one finding, and its fix leaves one copy (it left two).
    { text: '全年开展开展开展活动3次。', errors: [{ messageId: 'repeated', line: 1, column: 3, endColumn: 9, message: '“开展”连写了3遍' }], output: '全年开展活动3次。' },
    { text: '组织的组织的组织的组织的活动。', errors: [{ messageId: 'repeated', line: 1, column: 1, endColumn: 13, message: '“组织的”连写了4遍' }], output: '组织的活动。' },
    { text: '组织开展劳动竞赛竞赛竞赛。', errors: [{ messageId: 'repeated', line: 1, column: 7, endColumn: 13, message: '“竞赛”连写了3遍' }], output: '组织开展劳动竞赛。' },
    { text: '全年開展開展開展活動。', errors: [{ messageId: 'repeated', line: 1, column: 3, message: '“開展”連寫了3遍' }], output: '全年開展活動。' },
  ],
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSquare } from '../../src/rules/doubled-word.js';

/** The definition, tried at every half and start: some x·x, x of 2 to maxHalf characters, in [cs, ce). */
function squareByDefinition(text: string, cs: number, ce: number, maxHalf: number): boolean {
  for (let half = 2; half <= maxHalf; half++) {
    for (let s = cs; s + 2 * half <= ce; s++) if (text.slice(s, s + half) === text.slice(s + half, s + 2 * half)) return true;
  }
  return false;
}

describe('hasSquare (which clauses doubled-word segments)', () => {
  it('agrees with the definition on random text and bounds, call after call', () => {
    const char = fc.constantFrom('开', '展', '竞', '赛', '的', '组', '织', '，', 'a');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(char, { maxLength: 60 }).map((c) => c.join('')), fc.nat(), fc.nat(), fc.integer({ min: 2, max: 8 })), { minLength: 1, maxLength: 5 }), (calls) => {
        for (const [text, a, b, maxHalf] of calls) {
          const cs = a % (text.length + 1);
          const ce = cs + (b % (text.length - cs + 1));
          expect(hasSquare(text, cs, ce, maxHalf), JSON.stringify([text, cs, ce, maxHalf])).toBe(squareByDefinition(text, cs, ce, maxHalf));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the squares of the rule examples, and not a reduplicated character', () => {
    const text = '认真组织开展开展以“六赛”为主题的劳动竞赛，积极与上级工会及其他组织的组织的活动，高高扬起旗帜';
    expect(hasSquare(text, 0, 21, 36)).toBe(true);
    expect(hasSquare(text, 22, 40, 36)).toBe(true);
    expect(hasSquare(text, 41, text.length, 36)).toBe(false); // 高高: a half of one
  });
});
