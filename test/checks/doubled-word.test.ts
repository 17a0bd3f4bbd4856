import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('doubled-word', {
  valid: [
    '高高扬起旗帜，层层签订责任书，形成人人讲安全、时时讲安全的氛围。',
    '认认真真学习，实实在在做事，家家户户受益。',
    '这件事我们再研究研究。',
  ],
  invalid: [
    { text: '认真组织开展开展以“六赛”为主题的劳动竞赛。', errors: [{ messageId: 'doubled', line: 1, column: 5, endColumn: 9, message: '“开展”重复写了两遍' }] },
    { text: '持续深化开展社会主义劳动竞赛竞赛，细化落实。', errors: [{ messageId: 'doubled', line: 1, column: 13, message: '“竞赛”' }] },
    { text: '积极与上级工会及其他组织的组织的活动。', errors: [{ messageId: 'doubled', line: 1, column: 11, message: '“组织的”' }] },
  ],
});
