// Figures in the base text: a rough simplified probe for keyword tests, removing every clause that
// gives a figure for one of the six planted indicators, and scaling the remaining figures and
// setting the years per report.
import { stripMarker } from './outline.mjs';

/** Enough traditional → simplified for the indicator keywords and the classifiers. */
const T2S = new Map(Object.entries({
  會: '会', 員: '员', 問: '问', 勞: '劳', 動: '动', 競: '竞', 賽: '赛', 議: '议', 訓: '训', 練: '练',
  輪: '轮', 點: '点', 徵: '征', 職: '职', 發: '发', 舉: '举', 辦: '办', 組: '组', 織: '织', 條: '条',
  項: '项', 萬: '万', 億: '亿', 個: '个', 場: '场', 戶: '户', 餘: '余', 屆: '届', 獻: '献', 羣: '群', 兩: '两', 來: '来',
  眾: '众', 衆: '众', 級: '级', 幫: '帮', 難: '难', 溫: '温',
  資: '资', 顆: '颗', 張: '张', 對: '对', 類: '类', 種: '种', 筆: '笔', 處: '处', 間: '间', 隊: '队',
  冊: '册', 輛: '辆', 棟: '栋', 節: '节', 講: '讲', 課: '课', 門: '门', 塊: '块', 雙: '双', 盞: '盏',
  噸: '吨', 臺: '台', 麼: '么', 時: '时', 鐘: '钟', 學: '学', 壇: '坛', 獎: '奖',
}));

const PINYIN = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/g;

/** A rough simplified form of a sentence, for keyword tests only (never written out). */
export function probe(text) {
  let out = '';
  for (const ch of text.replace(PINYIN, '')) out += T2S.get(ch) ?? ch;
  return out;
}

// Classifiers a figure ends in (simplified and traditional forms), longest first.
const CLASSIFIERS = [
  '人次', '人/次', '人', '名', '位', '个', '個', '项', '項', '件', '条', '條', '场次', '場次', '次', '场', '場',
  '期', '批次', '批', '轮', '輪', '种', '種', '类', '類', '遍', '例', '起', '宗', '笔', '筆', '家次', '家',
  '户次', '戶次', '户', '戶', '所', '座', '处', '處', '间', '間', '支', '队', '隊', '组', '組', '份', '册次',
  '冊次', '册', '冊', '本', '篇', '部', '首', '幅', '副', '对', '對', '枚', '面', '块', '塊', '张', '張',
  '套', '台', '臺', '辆', '輛', '封', '箱', '袋', '盒', '床', '双', '雙', '棵', '株', '盆', '颗', '顆', '根',
  '片', '卷', '顶', '頂', '门', '門', '课', '課', '节', '節', '讲', '講', '元', '%', '％', '‰', '个百分点',
  '個百分點', '百分点', '百分點', '倍', '平方米', '平米', '㎡', '立方米', '亩', '畝', '公顷', '公頃', '公里',
  '千米', '米', '吨', '噸', '公斤', '千克', '斤', '克', '升', '千瓦时', '千瓦時', '天', '个工作日',
  '個工作日', '工作日', '小时', '小時', '个小时', '個小時', '课时', '課時', '学时', '學時', '个月', '個月', '分钟',
  '分鐘', '栋', '棟', '具',
].sort((a, b) => b.length - a.length);
const CLS = CLASSIFIERS.map((c) => c.replace(/[/%]/g, '\\$&')).join('|');
const MAGNITUDE = '万|萬|千|百|亿|億';

/** Any count: Arabic or Chinese numerals before a classifier, or an amount in 万. A lone 一
 * before 个/项/种/批 … is rhetorical (一项重要工作, 一种手段) and does not count. */
const ANY_FIGURE = new RegExp(
  `(?:\\d+(?:\\.\\d+)?|(?!一(?:个|项|种|支|批|轮|类|份|部|套|本|面)(?!\\d))[〇零一二两三四五六七八九十百千]+)` +
    `(?:多|余|来)?(?:(?:${MAGNITUDE})?(?:${CLS})|万|亿)`,
);

/** Words that, near a figure, could make it one of the six indicators. Wider than the six on
 * purpose: a sentence removed too many costs a little text; one kept too few breaks the truth. */
const INDICATOR_WORDS = /会员|入会|建会|吸收|吸纳|提案|议案|慰问|送温暖|救助|帮扶|补助|竞赛|比赛|比武|合理化|金点子|建议|献策|培训|轮训|训练|办班/;

function holdsIndicatorFigure(sentence) {
  const p = probe(sentence);
  if (!ANY_FIGURE.test(p)) return false;
  if (INDICATOR_WORDS.test(p)) return true;
  // 举办了二期, 103期: a count in 期 is a training course whatever it says around it.
  return /(?:\d+|[一二两三四五六七八九十]+)(?:多|余)?期(?!间|末|初|待|望|工程|工地|项目)/.test(p);
}

/** Split into sentences and clauses, each with its closing punctuation. */
function clauses(text) {
  return text.match(/[^。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+/g) ?? [];
}

/** The paragraph without the clauses that give a figure for one of the six indicators. */
export function removeIndicatorFigures(text) {
  // A heading (1、圍繞一個重點——勞動競賽) names a topic; it holds no figure unless it has digits.
  if (text.length <= 40 && !/[。！？!?；;]/.test(text) && !/\d/.test(stripMarker(text))) return text;
  const parts = clauses(text);
  const kept = [];
  for (const part of parts) {
    if (holdsIndicatorFigure(part)) {
      // The clause ended the sentence: let the one before end it instead.
      if (/[。！？!?]$/.test(part) && kept.length > 0) {
        kept[kept.length - 1] = kept[kept.length - 1].replace(/[；;]$/, part.slice(-1));
      }
      continue;
    }
    kept.push(part);
  }
  // A paragraph reduced to its outline marker or a few words is dropped by the caller.
  return kept.join('');
}

// Varying the base text per report: its years (the seed reports' 2021-2023 and 20__ / 20xx
// placeholders) become the report's, and its remaining figures are scaled.

export const YEAR_SLOT = /(?<![\d])20(?:2[123]|2_|__|xx|XX)(?![\d])/g;

const FIGURE_NUM = new RegExp(
  `(?<![\\d.A-Za-z第])(\\d+(?:\\.\\d+)?)(?:([-—–~～])(\\d+(?:\\.\\d+)?))?` +
    `(?=(?:多|余|餘|来|來)?(?:(?:${MAGNITUDE})?(${CLS})|(万|萬|亿|億)))`,
  'g',
);

/** Scale a number, keeping its precision: decimals stay decimals, round numbers stay round. */
function scaleNumber(str, factor, isPercent) {
  const dot = str.indexOf('.');
  const decimals = dot >= 0 ? str.length - dot - 1 : 0;
  const n = Number(str);
  if (isPercent && n >= 100) return str;
  let v = n * factor;
  if (decimals > 0) {
    const step = 10 ** -decimals;
    v = Math.max(step, Math.round(v / step) * step);
    if (isPercent) v = Math.min(v, 100);
    return v.toFixed(decimals);
  }
  const digits = str.length;
  const zeros = str.match(/0*$/)[0].length;
  const granule = 10 ** Math.max(0, Math.min(zeros, digits - 2));
  v = Math.max(granule, Math.round(v / granule) * granule);
  if (isPercent) v = Math.min(v, 100);
  return String(v);
}

// Numbers that are facts rather than results: 24小时, 365天, 7天, 8小时工作制.
const FIXED = new Set(['24小时', '24小時', '365天', '7天', '8小时', '8小時', '12个月', '12個月']);

export function varyFigures(text, rng) {
  return text.replace(FIGURE_NUM, (whole, a, dash, b, cls, _mag, _offset, _all) => {
    if (FIXED.has(a + (cls ?? ''))) return whole;
    const isPercent = cls === '%' || cls === '％' || cls === '‰';
    const factor = rng.range(0.6, 1.6);
    const lo = scaleNumber(a, factor, isPercent);
    if (!dash) return lo;
    let hi = scaleNumber(b, factor, isPercent);
    if (Number(hi) <= Number(lo) && !lo.includes('.')) hi = String(Number(lo) + 1);
    return lo + dash + hi;
  });
}
