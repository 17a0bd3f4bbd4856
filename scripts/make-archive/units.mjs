// Units (organisations): the i-th unit's name, its kind and size, and what it reports: its usual
// pieces, its years, its indicator trends and its layout style, all drawn from (seed, unit).
import { INDICATORS } from './indicators.mjs';
import { cnNumeral } from './outline.mjs';
import { Rng } from './rng.mjs';

const CURATED_UNITS = [
  '城东街道总工会', '第一中学工会', '光明社区', '市人民医院工会', '东方电厂工会', '滨江区总工会',
  '实验小学工会', '供电公司工会', '城西街道总工会', '交通运输局工会', '建设集团工会', '和平社区',
  '市中心医院工会', '农商银行工会', '机关事务管理局工会', '经济开发区总工会', '自来水公司工会',
  '公交集团工会', '第三中学工会', '幸福里社区', '燃气公司工会', '妇幼保健院工会', '高新区总工会',
  '铁路车务段工会',
];
const PLACE_NAMES = [
  '城东', '城西', '城南', '城北', '河东', '河西', '江北', '江南', '湖滨', '山前', '新华', '人民', '解放',
  '长安', '中山', '胜利', '青山', '金水', '白云', '东湖', '西湖', '南湖', '北湖', '阳光', '兴华', '永安',
  '安康', '裕华', '红旗', '朝阳', '向阳', '长江', '黄河', '太平', '东风', '建国', '文化', '民主', '团结',
  '前进',
];
const UNIT_KINDS = [
  '街道总工会', '镇总工会', '社区', '中学工会', '小学工会', '中心学校工会', '幼儿园工会', '医院工会',
  '卫生院工会', '供电所工会', '电厂工会', '水务公司工会', '热力公司工会', '物流公司工会', '建筑公司工会',
  '机械厂工会', '纺织厂工会', '化工厂工会', '煤矿工会', '支行工会', '信用社工会', '税务分局工会',
  '粮库工会', '车辆段工会', '商贸公司工会', '食品公司工会', '印刷厂工会', '钢铁公司工会', '养老院工会',
  '图书馆工会',
];

/** The i-th unit name: the curated ones first, then place × kind in a fixed scrambled order,
 * then 城东第二中学工会 … once those run out. */
function unitName(i) {
  if (i < CURATED_UNITS.length) return CURATED_UNITS[i];
  const combos = unitCombos();
  const j = i - CURATED_UNITS.length;
  const [place, kind] = combos[j % combos.length];
  const round = Math.floor(j / combos.length);
  return round === 0 ? place + kind : `${place}第${cnNumeral(round + 1)}${kind}`;
}
let combosCache = null;
function unitCombos() {
  if (combosCache) return combosCache;
  const curated = new Set(CURATED_UNITS);
  const all = [];
  for (const kind of UNIT_KINDS) {
    for (const place of PLACE_NAMES) if (!curated.has(place + kind)) all.push([place, kind]);
  }
  // A fixed order, independent of --seed, so unit N has the same name in every archive.
  combosCache = new Rng('unit-names').shuffle(all);
  return combosCache;
}

function unitKind(name) {
  if (/银行|信用社|支行/.test(name)) return 'bank';
  if (/总工会|街道|社区|镇/.test(name)) return 'region';
  if (/公司|厂|集团|煤矿|段|供电所|粮库/.test(name)) return 'enterprise';
  return 'public';
}

function unitScale(name) {
  if (/总工会/.test(name)) return 2.5;
  if (/社区/.test(name)) return 0.45;
  if (/中学|小学|学校|幼儿园|图书馆|养老院/.test(name)) return 0.6;
  if (/医院|卫生院/.test(name)) return 1.2;
  if (/公司|厂|集团|煤矿|电厂|段/.test(name)) return 1.5;
  return 1;
}

export function makeUnit(index, seed, years, pool) {
  const name = unitName(index);
  const rng = new Rng(seed, 'unit', name);
  // The unit's usual report: a piece of its own kind; the second one in the same script.
  const kind = unitKind(name);
  const weight = (p) => Math.sqrt(p.chars) * (p.kind === kind ? 4 : 1) * (p.script === 'simplified' ? 2 : 1);
  const primaries = pool.filter((p) => p.chars >= 1200 && p.sections.length > 0);
  const first = rng.weighted(primaries, weight);
  const script = first.script;
  const others = primaries.filter((p) => p !== first && p.script === script);
  const second = others.length ? rng.weighted(others, weight) : first;
  // Most units report every year; some start later, a few miss a year.
  let start = years[0];
  if (years.length > 3 && rng.chance(0.25)) start += rng.int(1, Math.min(4, years.length - 2));
  const unitYears = years.filter((y) => y >= start && !(y > start && y < years[years.length - 1] && rng.chance(0.04)));
  const scale = unitScale(name) * rng.range(0.7, 1.4);
  const indicators = {};
  for (const ind of INDICATORS) {
    indicators[ind.id] = { factor: rng.range(0.6, 1.6), trend: rng.range(-0.05, 0.1) };
  }
  return {
    name,
    script,
    pieces: [first, second],
    years: unitYears,
    repeatYear: rng.pick(unitYears),
    scale,
    indicators,
    style: {
      blankLines: rng.chance(0.6),
      indent: rng.chance(0.4) ? '\u3000\u3000' : '',
      title: rng.int(0, 2),
      signature: rng.chance(0.7),
    },
  };
}
