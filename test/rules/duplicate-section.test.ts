import { ruleTester } from '../helpers/rule-tester.js';

const para = (n: number) => [
  '组织员工开展各类劳动竞赛，彰显工人阶级主力军作用，推动企业高质量发展。',
  '坚持厂务公开，疏通民主管理渠道，营造民主管理氛围，台帐记录全面规范。',
  '建立健全工会经费审查小组，会费收支建有专帐，由专人负责，帐目公开。',
  '关心签约员工生产生活状况，吸收他们参加公司工会组织的各项活动。',
][n]!;

ruleTester('duplicate-section', {
  valid: [
    [para(0), para(1), para(2)].join('\n'),
    '一、主要工作\n开展活动。\n二、主要工作\n开展活动。', // short lines are not compared on their own
  ],
  invalid: [
    {
      // A block of three paragraphs copied, the copy with xx for the year and one character changed.
      text: ['篇1', para(0), para(1), para(2), '篇2', para(0).replace('各类', '各项'), para(1), para(2), para(3)].join('\n'),
      errors: [{ messageId: 'block', line: 6, column: 1, endLine: 8, message: '这3段与第2–4行的内容重复' }],
    },
    {
      // One paragraph copied into a longer one (containment).
      text: [para(3), `此外，${para(3)}同时做好困难帮扶。`].join('\n'),
      errors: [{ messageId: 'paragraph', line: 2, column: 1, message: '与第1行的段落重复' }],
    },
  ],
});
