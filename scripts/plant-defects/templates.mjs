// The defects planted into corpus text, one maker per form an editor meets, for sum-mismatch and
// balance-mismatch. Each maker takes the generator and returns the planted sentence with the
// defect (`bad`) and the same sentence with its figures made consistent (`good`, the control that
// must raise nothing). Subjects are words the corpus reports count (会员, 困难职工, 提案 …).

const PEOPLE = ['职工', '会员', '困难职工', '农民工', '青年职工', '一线职工', '参训人员', '志愿者'];
const ORGS = ['全厂', '公司', '全局', '车间', '本单位', '全系统'];
const FUNDS = ['慰问金', '帮扶资金', '助学金', '工会经费', '救助金'];
const ITEMS = [['提案', '件'], ['合理化建议', '条'], ['技术革新项目', '项'], ['“金点子”', '条']];
const RATES = ['入会率', '集体合同签订率', '职工满意率', '建会率'];
const SPLITS = [['男', '女'], ['城镇', '农村'], ['线上', '线下'], ['在职', '退休'], ['专职', '兼职']];

/** A wrong value near `right`: off by 1–20 %, at least 1, never equal. */
function off(rng, right) {
  const delta = Math.max(1, Math.round(right * rng.range(0.03, 0.2)));
  return rng.chance(0.5) || right - delta <= 0 ? right + delta : right - delta;
}

export const SUM_MAKERS = [
  // 共60人，其中男45人、女5人: a split of one whole.
  (rng) => {
    const [a, b] = rng.pick(SPLITS.filter(([w]) => w !== '线上'));
    const who = rng.pick(PEOPLE);
    const x = rng.int(20, 400);
    const y = rng.int(5, 300);
    const org = rng.pick(ORGS);
    const sentence = (total) => `${org}共有${who}${total}人，其中${a}${who}${x}人、${b}${who}${y}人。`;
    const bad = off(rng, x + y);
    return { bad: sentence(bad), good: sentence(x + y) };
  },
  // The same split without 共/其中.
  (rng) => {
    const who = rng.pick(PEOPLE);
    const x = rng.int(20, 400);
    const y = rng.int(5, 300);
    const org = rng.pick(ORGS);
    const sentence = (total) => `${org}${who}${total}人，男${who}${x}人，女${who}${y}人。`;
    return { bad: sentence(off(rng, x + y)), good: sentence(x + y) };
  },
  // Parts, then their 合计.
  (rng) => {
    const [a, b] = rng.pick(SPLITS);
    const who = rng.pick(PEOPLE);
    const x = rng.int(10, 300);
    const y = rng.int(10, 300);
    const word = rng.pick(['合计', '共计', '总计']);
    const sentence = (total) => `今年参加技能培训的${a}${who}${x}人，${b}${who}${y}人，${word}${total}人。`;
    return { bad: sentence(off(rng, x + y)), good: sentence(x + y) };
  },
  // Money: parts after 其中 that add up to more than the total.
  (rng) => {
    const fund = rng.pick(FUNDS);
    const parts = [rng.int(2, 30), rng.int(2, 30), rng.int(2, 30)];
    const sum = parts[0] + parts[1] + parts[2];
    const sentence = (total) => `全年共发放${fund}${total}万元，其中节日慰问${parts[0]}万元、大病救助${parts[1]}万元、金秋助学${parts[2]}万元。`;
    return { bad: sentence(sum - rng.int(1, Math.min(parts[2], 9))), good: sentence(sum) };
  },
  // 其余: the parts are the whole.
  (rng) => {
    const [item, unit] = rng.pick(ITEMS);
    const x = rng.int(5, 60);
    const y = rng.int(3, 40);
    const z = rng.int(1, 20);
    const sentence = (total) => `本年度共征集${item}${total}${unit}，其中采纳${x}${unit}、转交有关部门${y}${unit}，其余${z}${unit}。`;
    return { bad: sentence(off(rng, x + y + z)), good: sentence(x + y + z) };
  },
  // Shares of one whole listed with 分别.
  (rng) => {
    const a = rng.int(20, 50);
    const b = rng.int(15, 100 - a - 5);
    const c = 100 - a - b;
    const who = rng.pick(PEOPLE);
    const sentence = (last) => `参赛的${who}中，一线班组、机关科室和后勤部门分别占${a}%、${b}%和${last}%。`;
    return { bad: sentence(c + rng.int(3, 25)), good: sentence(c) };
  },
  // A split in shares.
  (rng) => {
    const [a, b] = rng.pick(SPLITS.filter(([w]) => w !== '线上'));
    const who = rng.pick(PEOPLE);
    const x = rng.int(30, 70);
    const sentence = (y) => `在全部${who}中，${a}${who}占${x}%，${b}${who}占${y}%。`;
    return { bad: sentence(100 - x + rng.int(4, 20)), good: sentence(100 - x) };
  },
  // A table whose 合计 row is not the sum of its rows.
  (rng) => {
    const rows = ['一车间', '二车间', '三车间', '机关'].slice(0, rng.int(2, 4)).map((name) => [name, rng.int(5, 80), rng.int(1, 40)]);
    const sums = [rows.reduce((s, r) => s + r[1], 0), rows.reduce((s, r) => s + r[2], 0)];
    const table = (total) => ['单位\t会员人数\t新发展会员', ...rows.map((r) => r.join('\t')), `合计\t${total}\t${sums[1]}`].join('\n');
    return { bad: table(off(rng, sums[0])), good: table(sums[0]), table: true };
  },
];

export const BALANCE_MAKERS = [
  // 年初 + 发展 − 转出 ≠ 年末.
  (rng) => {
    const o = rng.int(100, 900);
    const i = rng.int(5, 80);
    const x = rng.int(1, 40);
    const sentence = (c) => `年初有会员${o}人，全年发展新会员${i}人，转出${x}人，年末会员总数为${c}人。`;
    return { bad: sentence(off(rng, o + i - x)), good: sentence(o + i - x) };
  },
  // Over two sentences, in 名.
  (rng) => {
    const o = rng.int(20, 200);
    const i = rng.int(1, 15);
    const x = rng.int(1, 10);
    const sentence = (c) => `支部年初有党员${o}名。全年发展党员${i}名，转出组织关系${x}名；年末党员${c}名。`;
    return { bad: sentence(off(rng, o + i - x)), good: sentence(o + i - x) };
  },
  // Funds.
  (rng) => {
    const o = rng.int(2, 40);
    const i = rng.int(10, 90);
    const x = rng.int(5, i);
    const fund = rng.pick(FUNDS);
    const sentence = (c) => `${fund}上年结余${o}万元，本年收入${i}万元，支出${x}万元，年末结余${c}万元。`;
    return { bad: sentence(off(rng, o + i - x)), good: sentence(o + i - x) };
  },
  // 由A增加到B，增加了D.
  (rng) => {
    const a = rng.int(50, 800);
    const b = a + rng.int(5, 200);
    const who = rng.pick(PEOPLE);
    const sentence = (d) => `${who}人数由${a}人增加到${b}人，增加了${d}人。`;
    return { bad: sentence(off(rng, b - a)), good: sentence(b - a) };
  },
  // B，比上年的A增加了D.
  (rng) => {
    const a = rng.int(50, 800);
    const b = a + rng.int(5, 200);
    const who = `${rng.pick(ORGS)}${rng.pick(PEOPLE)}`;
    const sentence = (d) => `${who}总数达到${b}人，比上年的${a}人增加了${d}人。`;
    return { bad: sentence(off(rng, b - a)), good: sentence(b - a) };
  },
  // A rate of change.
  (rng) => {
    const a = rng.int(10, 200) * 10;
    const b = a + a * rng.int(5, 60) / 100;
    const rate = Math.round(((b - a) / a) * 100);
    const fund = rng.pick(FUNDS);
    const sentence = (r) => `${fund}由${a}万元增长到${b}万元，增长了${r}%。`;
    return { bad: sentence(rate + (rng.chance(0.5) ? 1 : -1) * rng.int(3, 10)), good: sentence(rate) };
  },
  // A change said the wrong way round.
  (rng) => {
    const a = rng.int(100, 800);
    const b = a - rng.int(5, 60);
    const who = rng.pick(PEOPLE);
    return { bad: `${who}人数从${a}人减少到${b}人，增加了${a - b}人。`, good: `${who}人数从${a}人减少到${b}人，减少了${a - b}人。` };
  },
  // Percentage points.
  (rng) => {
    const a = rng.int(60, 90);
    const b = a + rng.int(2, 9);
    const rate = rng.pick(RATES);
    const sentence = (d) => `${rate}由${a}%提高到${b}%，提高了${d}个百分点。`;
    return { bad: sentence(b - a + (rng.chance(0.5) || b - a < 3 ? rng.int(1, 3) : -rng.int(1, 2))), good: sentence(b - a) };
  },
  // A net change between two levels.
  (rng) => {
    const o = rng.int(100, 900);
    const n = rng.int(5, 80);
    const sentence = (x) => `年初会员${o}人，年末会员${o + n}人，净增${x}人。`;
    return { bad: sentence(off(rng, n)), good: sentence(n) };
  },
];

// Stale years: how a dated sentence of last year's report may begin.
export const YEAR_FORMS = [
  (y) => `${y}年，`,
  (y) => `${y}年上半年，`,
  (y) => `截至${y}年底，`,
  (y) => `与${y - 1}年相比，`,
  (y) => `${y}年以来，`,
];

// missing-number: wording that promises a figure. `bad` gives none; the controls give it in the
// next clause (`next`) or leave the sentence as it is and add a table with the figures (`table`).
export const MISSING_NUMBER_MAKERS = [
  (rng) => ({ bad: '本年度职代会共征集职工提案，均已按期办结。', next: `本年度职代会共征集职工提案，其中${rng.int(5, 60)}件已按期办结。` }),
  (rng) => ({ bad: '全年共慰问困难职工，帮助他们解决了不少实际困难。', next: `全年共慰问困难职工，涉及${rng.int(10, 300)}户家庭。` }),
  (rng) => ({ bad: '今年共举办各类培训班，职工素质明显提高。', next: `今年共举办各类培训班，参训职工达${rng.int(100, 2000)}人次。` }),
  (rng) => ({ bad: '全年累计发放助学金，资助困难职工子女顺利入学。', next: `全年累计发放助学金，金额${rng.int(2, 40)}万元。` }),
  (rng) => ({ bad: '春节期间共走访困难职工家庭，把组织的温暖送到职工身边。', next: `春节期间共走访困难职工家庭，送去慰问金${rng.int(2, 60)}万元。` }),
  (rng) => ({ bad: '全年共筹集帮扶资金，重点用于大病救助。', next: `全年共筹集帮扶资金，总额${rng.int(5, 90)}万元。` }),
];

/** A small table of figures, for a section whose numbers stand in a table. */
export function figureTable(rng) {
  return ['项目\t数量\t金额（万元）', `走访慰问\t${rng.int(10, 300)}\t${rng.int(2, 60)}`, `大病救助\t${rng.int(1, 40)}\t${rng.int(1, 30)}`].join('\n');
}
