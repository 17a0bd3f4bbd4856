// Inputs whose analysis once took quadratic time: `make(n)` builds one of n units. bench/bounds.js
// times the library on n and 4n (the ratio must stay well under the 16 of a quadratic);
// test/robustness/library.property.test.ts checks every position the library reports on them.
// Sizes where the quadratic versions these replaced were 10 to 18 times slower at 4n (measured against
// the code before the fixes); the linear ones are 2 to 6 times.

/** @type {[name: string, path: string, make: (n: number) => string][]} */
export const LINEAR_INPUTS = [
  ['placeholders in one line', 'a.txt', (n) => Array.from({ length: n * 4 }, (_, i) => ['xx', '20xx年', '__', '某某'][i % 4]).join('，')],
  ['numbers without separators', 'a.txt', (n) => Array.from({ length: n }, (_, i) => `${i}人`).join('')],
  ['totals in one clause', 'a.txt', (n) => Array.from({ length: n }, (_, i) => `共${i % 97}人`).join('')],
  ['activities in one clause', 'a.txt', (n) => '组织开展劳动竞赛3次'.repeat(n)],
  ['dates and figures', 'a.txt', (n) => Array.from({ length: n * 3 }, (_, i) => `2023年4月${(i % 28) + 1}日发放${i}元`).join('，')],
  ['near-duplicate paragraphs', 'a.txt', (n) => Array.from({ length: n }, (_, i) => `全年开展职工培训${i % 7}期，参加人数达到${i}人次，取得良好效果。`).join('\n')],
  ['outline headings', 'a.txt', (n) => Array.from({ length: n }, (_, i) => `${['一、', '(一)', '1.', '(1)', '①'][i % 5]}加强组织建设\n共征集提案${i}件。`).join('\n')],
  ['a run of Latin letters', 'a.txt', (n) => 'x'.repeat(n * 40)],
  ['CJK without punctuation', 'a.txt', (n) => '走访慰问'.repeat(n * 2)],
  ['markdown emphasis and lists', 'a.md', (n) => Array.from({ length: n }, (_, i) => `- **第${i}项**：共有会员${i}人`).join('\n')],
];

/** The n the measurements use (and 4n). */
export const LINEAR_N = 2000;
