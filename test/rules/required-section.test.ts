import { ruleTester } from '../helpers/rule-tester.js';

const sections = [
  { id: '存在问题', patterns: ['存在问题', '不足'] },
  { id: '下一步工作', patterns: ['下一步', '工作计划'] },
];

ruleTester('required-section', {
  valid: [
    { text: '2023年工作总结\n一、主要工作\n开展活动。\n二、存在的不足\n人手少。\n三、下一步工作打算\n加强学习。', options: { sections } },
    { text: '# 述职报告\n\n## 一、工作情况\n\n正文。\n\n## 二、存在问题\n\n正文。\n\n## 三、下一步工作计划\n\n正文。', path: 'a.md', options: { sections } },
    { text: '随便写点什么。', options: { sections: [] } },
  ],
  invalid: [
    { text: '2023年工作总结\n一、主要工作\n开展活动。\n二、下一步工作\n加强学习。', options: { sections }, errors: [{ messageId: 'missing', line: 1, column: 1, message: '缺少“存在问题”部分' }] },
    { text: '社区工作总结\n一、主要工作\n正文。', options: { sections }, errors: [{ messageId: 'missing', line: 1, column: 1 }, { messageId: 'missing', line: 1, column: 1, message: '下一步工作' }] },
  ],
});
