import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('repeated-sentence', {
  valid: [
    '一是加强学习。二是强化服务。三是做好帮扶。',
    '2023年度工作总结\n正文第一段。\n2023年度工作总结', // a repeated page title is layout
    '好。好。', // too short to matter
  ],
  invalid: [
    {
      text: '我们将进一步加强职代会制度建设。我们将进一步加强职代会制度建设。依法落实好各项职权。',
      errors: [{ messageId: 'repeated', line: 1, column: 17, message: '与第1行第1列的句子重复' }],
    },
    {
      text: '第一段讲公开。全面推进厂务公开工作。\n\n第二段另起一行。全面推进厂务公开工作。',
      errors: [{ messageId: 'repeated', line: 3, column: 9 }],
    },
  ],
});
