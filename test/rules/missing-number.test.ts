import { ruleTester } from '../helpers/rule-tester.js';

const phrases = ['共征集', '累计发放', '参加人数', '慰问困难职工…人次'];
const indicators = [{ id: '会员', patterns: ['会员', '入会'] }, { id: '帮扶', patterns: ['帮扶', '慰问'] }];

ruleTester('missing-number', {
  valid: [
    { text: '本年度共征集提案26项，累计发放慰问金3.5万元。', options: { phrases } },
    { text: '共征集“金点子”条。', options: { phrases } }, // a blank count, reported by blank-count
    { text: '发展新会员20人；走访慰问困难职工35户。', options: { indicators } },
  ],
  invalid: [
    { text: '本年度共征集合理化建议，累计发放慰问金。', options: { phrases }, errors: [{ messageId: 'phrase', line: 1, column: 4, message: '说到“共征集”，却没有给出具体数字' }, { messageId: 'phrase', line: 1, column: 13 }] },
    { text: '春节期间慰问困难职工若干人次。', options: { phrases }, errors: [{ messageId: 'phrase', line: 1, column: 5 }] },
    // Quoted as the draft writes it.
    { text: '本年度共徵集合理化建議，全部辦結。', options: { phrases }, errors: [{ messageId: 'phrase', line: 1, column: 4, message: '說到“共徵集”' }] },
    { text: '2023年度工会工作总结\n全年发展新会员20人。', options: { indicators }, errors: [{ messageId: 'indicator', line: 1, column: 1, message: '没有给出“帮扶”方面的数字' }] },
  ],
});
