import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('balance-mismatch', {
  valid: [
    '年初有会员320人，全年发展新会员36人，转出12人，年末会员总数为344人。',
    '上年结余5万元，本年收入20万元，支出18万元，年末结余7万元。',
    // Not every flow stated: nothing to check.
    '年初有会员320人，全年发展新会员36人，年末会员总数为350人。',
    '会员由120人增加到150人，增加了30人。',
    '会员总数达到150人，比上年的120人增加了30人。',
    '营业收入由200万元增长到250万元，增长了25%。',
    // A rate as precise as written: 23.1% truncated to 23%.
    '会员由130人增加到160人，增长23%。',
    '入会率由85%提高到92%，提高了7个百分点。',
    '年初会员320人，年末会员350人，净增30人。',
  ],
  invalid: [
    { text: '会员由120人增加到150人，增加了20人。', errors: [{ messageId: 'change', line: 1, column: 19, message: '从120人到150人应是30人的变化，这里写的是20人' }] },
    { text: '年初有会员320人，全年发展新会员36人，转出12人，年末会员总数为350人。', errors: [{ messageId: 'balance', line: 1, column: 35, message: '期末数350人与320人+36人−12人=344人不符' }] },
    // Over two sentences of one paragraph.
    { text: '年初有党员45名。全年发展党员3名，转出2名；年末党员47名。', errors: [{ messageId: 'balance', line: 1, column: 28 }] },
    { text: '上年结余5万元，本年收入20万元，支出18万元，年末结余6万元。', errors: [{ messageId: 'balance', line: 1, column: 29, message: '5万元+20万元−18万元=7万元' }] },
    { text: '会员总数达到150人，比上年的120人增加了20人。', errors: [{ messageId: 'change', line: 1, column: 23 }] },
    { text: '营业收入由200万元增长到250万元，增长了20%。', errors: [{ messageId: 'change', line: 1, column: 23, message: '应是25%的变化' }] },
    { text: '职工人数从300人减少到280人，增加了20人。', errors: [{ messageId: 'direction', line: 1, column: 21, message: '与“增加”相反' }] },
    { text: '入会率由85%提高到92%，提高了5个百分点。', errors: [{ messageId: 'change', line: 1, column: 18, message: '应是7个百分点的变化' }] },
    { text: '年初会员320人，年末会员350人，净增20人。', errors: [{ messageId: 'balance', line: 1, column: 14 }] },
  ],
});
