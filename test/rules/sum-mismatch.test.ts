import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('sum-mismatch', {
  valid: [
    '全厂共有职工60人，其中男职工45人、女职工15人。',
    // Parts that need not make up the whole (not a split such as 男/女).
    '全厂共有职工60人，其中党员20人、团员12人。',
    '男职工45人，女职工15人，合计60人。',
    '共发放慰问金5万元，其中节日慰问3万元、困难救助2万元。',
    // Clauses after the first part that count within it.
    '教职工98人，其中专任教师91人，高级教师17人，市、区级骨干教师23人。',
    // Approximate totals are not added up.
    '全厂共有职工60余人，其中男职工45人、女职工5人。',
    '男性占55%，女性占45%。',
    // Shares of different wholes may pass 100% together.
    '女职工占45%，党员占60%。',
    '获奖作品分别占45%、35%和20%。',
    // Growth is no share.
    '会员人数增长了60%，活动次数增长了50%。',
    { path: 'table.md', text: '| 单位 | 男 | 女 | 合计 |\n| --- | --- | --- | --- |\n| 一车间 | 20 | 5 | 25 |\n| 二车间 | 30 | 10 | 40 |\n| 合计 | 50 | 15 | 65 |\n' },
    // A rate column is not summed.
    '单位\t人数\t入会率\n一车间\t20\t90%\n二车间\t30\t80%\n合计\t50\t85%\n',
  ],
  invalid: [
    { text: '全厂共有职工60人，其中男职工45人、女职工5人。', errors: [{ messageId: 'parts', line: 1, column: 7, message: '总数60人与各分项之和不符：45人+5人=50人' }] },
    { text: '全厂职工60人，男职工45人，女职工5人。', errors: [{ messageId: 'parts', line: 1, column: 5 }] },
    { text: '男职工45人，女职工15人，合计70人。', errors: [{ messageId: 'parts', line: 1, column: 17, message: '45人+15人=60人' }] },
    { text: '共发放慰问金5万元，其中节日慰问3万元、困难救助4万元。', errors: [{ messageId: 'partsOver', line: 1, column: 7, message: '各分项之和超过了总数5万元：3万元+4万元=7万元' }] },
    { text: '共征集提案30件。其中采纳12件、转为意见建议10件，其余5件。', errors: [{ messageId: 'parts', line: 1, column: 6 }] },
    { text: '获奖作品分别占45%、35%和30%。', errors: [{ messageId: 'percentOver', line: 1, column: 8, message: '45%+35%+30%=110%' }] },
    { text: '男性占55%，女性占50%。', errors: [{ messageId: 'percentOver', line: 1, column: 4 }] },
    { text: '全厂共有职工60人，其中男职工占55%、女职工占35%。', errors: [{ messageId: 'percentSplit', line: 1, column: 17, message: '55%+35%=90%' }] },
    { path: 'table.md', text: '# 会员情况\n\n| 单位 | 男 | 女 | 合计 |\n| --- | --- | --- | --- |\n| 一车间 | 20 | 5 | 25 |\n| 二车间 | 30 | 10 | 40 |\n| 合计 | 50 | 15 | 66 |\n', errors: [{ messageId: 'table', line: 7, column: 18, message: '“合计”行“合计”列为66，上面各行之和却是65' }] },
    { text: '单位\t人数\t金额（万元）\n一车间\t20\t1.5\n二车间\t30\t2.5\n合计\t55\t4\n', errors: [{ messageId: 'table', line: 4, column: 4, message: '“合计”行“人数”列为55，上面各行之和却是50' }] },
    // Text outside the BMP (CJK Extension B) counts two UTF-16 code units before the figure.
    { text: '𠀋厂共有职工60人，其中男职工45人、女职工5人。', errors: [{ messageId: 'parts', line: 1, column: 8 }] },
  ],
});
