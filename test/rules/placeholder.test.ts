import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('placeholder', {
  valid: [
    '2023年，社区共走访独居老人35户。',
    '学习总结(zǒng jié)的写法。', // pinyin is no placeholder
    '联系邮箱 max@example.com，尺码 xxl。',
  ],
  invalid: [
    { text: '202_年是我厂推动高质量发展的破题之年。', errors: [{ messageId: 'placeholder', line: 1, column: 1, endColumn: 5, message: '占位符“202_”尚未填写' }] },
    { text: '全年发放慰问金xx万元，\r\n召开职代会__次。', errors: [{ messageId: 'placeholder', line: 1, column: 8 }, { messageId: 'placeholder', line: 2, column: 6 }] },
    { text: '於xx月xx日召開職代會，某某同志主持。', errors: [{ messageId: 'placeholder', line: 1, column: 2, endColumn: 8 }, { messageId: 'placeholder', line: 1, column: 14 }] },
    { text: '根据这一指导思想，~年我局工会要著重抓好以下工作。', errors: [{ messageId: 'placeholder', line: 1, column: 10 }] },
  ],
});
