import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('blank-count', {
  valid: [
    '公司现有员工320人（含临时用工）。',
    '组织一线工人开展技能比武，评选先进个人，每人发放奖金。',
    '形成人人讲安全的氛围，发挥主人翁作用。',
  ],
  invalid: [
    { text: '公司现有员工人(含临时用工),其中:正式员工人。', errors: [{ messageId: 'blank', line: 1, column: 7, message: '“人”前面缺少数字' }, { messageId: 'blank', line: 1, column: 23 }] },
    { text: '共徵集“金點子”條。其中，已採納並已實施完成項。', errors: [{ messageId: 'blank', line: 1, column: 9 }, { messageId: 'blank', line: 1, column: 23 }] },
    { text: '共进行小改小革项目项,创经济价值万余元。平均降低成本%以上。', errors: [{ messageId: 'blank', line: 1, column: 10 }, { messageId: 'blank', line: 1, column: 19 }, { messageId: 'blank', line: 1, column: 27 }] },
    { text: '对获奖者各奖励约元。', errors: [{ messageId: 'blank', line: 1, column: 9 }] },
  ],
});
