import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('year-consistency', {
  valid: [
    '2023年度工会工作总结\n2023年，区总工会紧紧围绕中心工作。全年发展会员120人。',
    '2024年工作计划\n2023年，我们完成了各项任务，发展会员120人。2024年计划发展会员150人。',
    '2023年度工作总结\n全年发展会员120人，比2022年增加20人。',
  ],
  invalid: [
    { text: '2023年度工会工作总结\n2022年，区总工会紧紧围绕中心工作。', errors: [{ messageId: 'opening', line: 2, column: 1, message: '开头写的是2022年，标题是2023年' }] },
    { text: '2023年度工会工作总结\n一、主要工作\n2021年发展新会员120人。', errors: [{ messageId: 'figure', line: 3, column: 1, message: '写明是2021年的' }] },
  ],
});
