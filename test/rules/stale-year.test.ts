import { ruleTester } from '../helpers/rule-tester.js';

const lastYear = [
  '2022年工会工作总结',
  '2022年，我们共发展新会员120人，组织职工参加各类培训30余次，职工素质明显提升。',
  '全年职工收入比2021年增长了百分之五，职工满意度进一步提高。',
  '自2015年以来，车间连续八年被评为先进集体。',
].join('\n');

ruleTester('stale-year', {
  valid: [
    // No earlier report to compare with.
    '2023年工会工作总结\n2022年，我们共发展新会员150人，组织职工参加各类培训40余次，职工素质明显提升。',
    // The years moved on with the report.
    { text: '2023年工会工作总结\n2023年，我们共发展新会员150人，组织职工参加各类培训40余次，职工素质明显提升。\n全年职工收入比2022年增长了百分之五，职工满意度进一步提高。', against: { '2022.txt': lastYear } },
    // A year that does not move with the report (自2015年以来).
    { text: '2023年工会工作总结\n自2015年以来，车间连续九年被评为先进集体。', against: { '2022.txt': lastYear } },
    // The year named in a sentence of its own, not copied.
    { text: '2023年工会工作总结\n与2022年相比，今年的培训更注重实操，职工在技能比武中取得了好成绩。', against: { '2022.txt': lastYear } },
  ],
  invalid: [
    {
      text: '2023年工会工作总结\n2022年，我们共发展新会员150人，组织职工参加各类培训40余次，职工素质明显提升。',
      against: { '2022.txt': lastYear },
      errors: [{ messageId: 'stale', line: 2, column: 1, endColumn: 6, message: '这句抄自 2022.txt 第2行，其中的“2022年”没有改：本报告是2023年的，是否应为2023年？' }],
    },
    {
      text: '2023年工会工作总结\n全年职工收入比2021年增长了百分之六，职工满意度进一步提高。',
      against: { '2022.txt': lastYear },
      errors: [{ messageId: 'stale', line: 2, column: 8, message: '“2021年”没有改：本报告是2023年的，是否应为2022年？' }],
    },
  ],
});
