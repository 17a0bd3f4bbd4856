import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('artifact', {
  valid: ['總工會2023年度工作總結報告', '每年开展2-3次活动，11.28到段参加汇演。'],
  invalid: [
    { text: '總工會2023年度工作總結(jié)報告', errors: [{ messageId: 'pinyin', line: 1, column: 14, endColumn: 19, message: '轉換殘留的拼音“(jié)”' }] }, // a traditional draft: a traditional message
    { text: '堅持“面對面、實打實&rdquo;服務職工', errors: [{ messageId: 'entity', line: 1, column: 11, message: '應為“””' }] },
    { text: '取得比賽的.第三名，推进民-主管理', errors: [{ messageId: 'inserted', line: 1, column: 6 }, { messageId: 'inserted', line: 1, column: 14 }] },
  ],
});
