import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('figure-consistency', {
  valid: [
    '在去年45家的基础上，今年又增加5家，累计签订工资集体协议50家。',
    '共发放慰问金5万元，其中节日慰问3万元、救助2万元。',
    '营业收入同比增长120%，完成年度目标的105%。',
    '集体合同签订率达98%以上。',
  ],
  invalid: [
    { text: '在去年45家的基础上，今年又增加5家，累计签订工资集体协议47家。', errors: [{ messageId: 'sum', line: 1, column: 30, message: '合计47家与45+5=50不符' }] },
    { text: '共发放慰问金5万元，其中节日慰问3万元、困难救助4万元。', errors: [{ messageId: 'parts', line: 1, column: 7, message: '各项之和70000超过总数5万元' }] },
    { text: '全区劳动合同签订率达到105%。', errors: [{ messageId: 'share', line: 1, column: 12, message: '105%超过了100%' }] },
  ],
});
