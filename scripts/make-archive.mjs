#!/usr/bin/env node
// Demo-archive generator: builds a realistic multi-year archive of union work reports from the five
// seed reports in corpus/, so `zongjie stats` has something to show on a fresh machine and the
// benchmark has large deterministic corpora. Plain ESM on Node's standard library only.
//
//   node scripts/make-archive.mjs OUT_DIR [--units 8] [--years 2016-2025] [--seed 42] [--size-mb N]
//
// Writes OUT_DIR/<unit>/<year>年度工作总结.txt, OUT_DIR/manifest.csv (file,org,year; UTF-8 with BOM)
// and OUT_DIR/truth.json (the indicator values planted in each report, and their sums).
//
// How a report is made: the seed reports are cut into pieces (篇), sections and paragraphs once;
// every sentence that already gives a figure for one of the six planted indicators is removed, so
// the planted sentences are the only figures those indicators have. Each report then takes a
// piece of its unit's usual kind, sometimes borrows a section of another piece of the same script,
// shuffles and drops paragraphs within sections, renumbers the outline, sets the years, scales the
// figures, plants one sentence per indicator, and (once per unit) repeats a planted paragraph.
// Everything random comes from a PRNG seeded by (seed, unit, year), so a report does not depend
// on how many other units are generated.
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS_DIR = path.join(ROOT, 'corpus');
const MB = 1_000_000;

const USAGE = `usage: node scripts/make-archive.mjs OUT_DIR [--units N] [--years YYYY-YYYY] [--seed N] [--size-mb N]

  OUT_DIR        folder to write (created; must be empty or hold an earlier archive, which is replaced)
  --units N      number of units (organisations), default 8; with --size-mb, the minimum
  --years A-B    years of reports, default 2016-2025 (a single year is allowed)
  --seed N       PRNG seed, a non-negative integer, default 42
  --size-mb N    keep adding units until the reports total about N MB (1 MB = 10^6 bytes)`;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** FNV-1a over UTF-16 code units with a murmur3 finaliser: a stable 32-bit hash of a string. */
function hash32(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast, and good enough for shuffling paragraphs. */
class Rng {
  constructor(...parts) {
    this.state = hash32(parts.join('\u0001'));
  }
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(lo, hi) {
    return lo + (hi - lo) * this.next();
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted(items, weight) {
    const total = items.reduce((s, it) => s + weight(it), 0);
    let x = this.next() * total;
    for (const it of items) {
      x -= weight(it);
      if (x < 0) return it;
    }
    return items[items.length - 1];
  }
  shuffle(items) {
    const a = items.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

// ---------------------------------------------------------------------------------------------
// The seed reports: which files, in which script, and what page chrome to strip

const SOURCES = [
  // kind: whose report it is (enterprise, bank, region = a district, town or street federation),
  // per 篇 where a page holds several; units prefer pieces of their own kind.
  { file: '000_87f43282fb262844.txt', id: '000', script: 'simplified', kind: 'enterprise' },
  { file: '001_7ba693d13d610300.txt', id: '001', script: 'traditional', kind: 'enterprise' },
  { file: '002_f5ed15afdaa3c041.txt', id: '002', script: 'traditional',
    kind: ['enterprise', 'enterprise', 'bank', 'region', 'region'] },
  // Printed as pages and pasted back: every line starts with its page number, the title runs
  // into the first sentence and the outline numbering runs into the text.
  { file: '003_539c235963e5c819.txt', id: '003', script: 'simplified', kind: 'enterprise', pageNumbered: true,
    stripPrefix: '国企工会2022年度上半年工作总结及下半年工作思路' },
  { file: '004_d5da8b897465ed99.txt', id: '004', script: 'traditional', kind: 'region' },
];

/** Lines that belong to the web page, not the report. */
const CHROME = [
  / > /, // breadcrumb
  /^(编辑|來源|来源|版權|版权)[:：(]/,
  /小[編编]整理/,
  /^TOP$/,
];
/** A line that starts a new 篇 of a multi-report page. */
const PART_LINE = /(篇\s*\d+|工作總結\d+|工作总结\d+)\s*$/;

const CN_DIGITS = '一二三四五六七八九十';
const CN_NUM = `[${CN_DIGITS}]+`;

/** Outline markers at the start of a paragraph, from the highest level down. Each has three
 * groups (before the number, the number, after it) so that it can be renumbered. */
const MARKERS = [
  { type: 'cn', level: 0, re: new RegExp(`^()(${CN_NUM})(、)`), cn: true },
  { type: 'paren-cn', level: 1, re: new RegExp(`^([(（])(${CN_NUM})(、?[)）]、?)`), cn: true },
  { type: 'arabic', level: 2, re: /^()(\d{1,2})([、.．])(?!\d)/, cn: false },
  { type: 'paren-ar', level: 3, re: /^([(（])(\d{1,2})([)）])/, cn: false },
  { type: 'shi', level: 4, re: new RegExp(`^()(${CN_NUM})(是)`), cn: true },
];

function markerOf(text) {
  for (const m of MARKERS) {
    const hit = m.re.exec(text);
    if (hit) return { ...m, hit };
  }
  return null;
}

function cnNumeral(n) {
  if (n <= 10) return CN_DIGITS[n - 1];
  if (n < 20) return '十' + CN_DIGITS[n - 11];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return CN_DIGITS[tens - 1] + '十' + (ones ? CN_DIGITS[ones - 1] : '');
}

function stripMarker(text) {
  const m = markerOf(text);
  return m ? text.slice(m.hit[0].length) : text;
}

const SENTENCE_END = /[。！？!?]/;
const TERMINAL = /[。！？!?；;:：]$/;

function sectionKind(heading) {
  if (!heading) return 'work';
  if (/存在|不足|问题|問題|差距/.test(heading)) return 'problem';
  if (/思路|计划|計畫|計劃|打算|设想|設想|明年|下半年|下一步/.test(heading)) return 'plan';
  if (/建议$|建議$/.test(heading)) return 'advice'; // 对上级的工作建议: always last
  return 'work';
}

/** Split a source file into pieces: { id, script, preamble[], sections[{heading, kind, paras[]}], closing[] }. */
function parseSource(src, raw) {
  const text = raw.replace(/\r\n?/g, '\n');
  let lines = text.split('\n');
  if (src.pageNumbered) {
    let joined = lines.map((l) => l.replace(/^\d+、/, '')).join('');
    if (src.stripPrefix && joined.startsWith(src.stripPrefix)) joined = joined.slice(src.stripPrefix.length);
    // Put the outline markers that run into the text back at the start of lines.
    joined = joined
      .replace(new RegExp(`(${CN_NUM}、)`, 'g'), '\n$1')
      .replace(/(?<![\d.])(\d{1,2}\.)(?=[^\d])/g, '\n$1');
    // A heading now ends where its first numbered item begins.
    lines = joined.split('\n');
  }
  lines = lines.map((l) => l.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''));
  const title = lines.find((l) => l.length > 0) ?? '';

  const pieces = [];
  let current = null;
  const startPiece = (n) => {
    const kind = Array.isArray(src.kind) ? src.kind[n - 1] ?? 'enterprise' : src.kind;
    current = { id: `${src.id}#${n}`, source: src.id, script: src.script, kind, paras: [] };
    pieces.push(current);
  };
  startPiece(1);
  let partNo = 1;
  for (const line of lines) {
    if (!line) continue;
    if (CHROME.some((re) => re.test(line))) continue;
    if (line === title || line.startsWith(title + ' ')) {
      if (PART_LINE.test(line) && current.paras.length > 0) startPiece(++partNo);
      continue;
    }
    if (PART_LINE.test(line) && line.length <= 40) {
      if (current.paras.length > 0) startPiece(++partNo);
      continue;
    }
    // Short lines with no outline marker and no punctuation are sub-titles or page labels
    // (突出问题, 熱門標籤): they make no sense once paragraphs are shuffled.
    if (line.length <= 15 && !markerOf(line) && !/[。,，;；:：]/.test(line)) continue;
    current.paras.push(line);
  }
  return pieces.filter((p) => p.paras.length > 0).map(structurePiece);
}

/** Group a piece's paragraphs under its level-1 headings. */
function structurePiece(piece) {
  const isHeadingLine = (p, type) => {
    const m = markerOf(p);
    if (!m || m.type !== type) return false;
    const body = p.slice(m.hit[0].length);
    return body.length <= 45 && !/。./.test(body);
  };
  let headingType = piece.paras.some((p) => markerOf(p)?.type === 'cn') ? 'cn' : null;
  if (!headingType && piece.paras.some((p) => isHeadingLine(p, 'arabic'))) headingType = 'arabic';

  const preamble = [];
  const sections = [];
  let section = null;
  for (const p of piece.paras) {
    const m = markerOf(p);
    if (headingType && m && m.type === headingType) {
      let heading = p.slice(m.hit[0].length);
      let rest = '';
      if (!isHeadingLine(p, headingType)) {
        // 一、指導思想:全面貫徹… — a heading with its text on the same line.
        const cut = heading.search(/[:：。]/);
        if (cut > 0 && cut <= 30) {
          rest = heading.slice(cut + 1);
          heading = heading.slice(0, cut);
        } else if (headingType === 'arabic') {
          // A long numbered paragraph in a piece with numbered headings: just a paragraph.
          (section ? section.paras : preamble).push(p);
          continue;
        } else {
          rest = heading;
          heading = '';
        }
      }
      heading = heading.replace(/[。,，、;；]+$/, '');
      section = { heading: heading || null, kind: sectionKind(heading), paras: [] };
      sections.push(section);
      if (rest) section.paras.push(rest);
      continue;
    }
    (section ? section.paras : preamble).push(p);
  }
  if (sections.length === 0 && preamble.length > 1) {
    // No headings at all (001 篇4: a preamble, then long 1、2、3、 paragraphs): keep the opening
    // paragraphs and put the numbered ones in one section without a heading.
    const first = preamble.findIndex((p) => markerOf(p));
    const cut = first > 0 ? first : 1;
    sections.push({ heading: null, kind: 'work', paras: preamble.splice(cut) });
  }
  // A last paragraph that sums up the year stays at the end of the report.
  const closing = [];
  const last = sections[sections.length - 1];
  if (last && last.paras.length > 1) {
    const p = last.paras[last.paras.length - 1];
    if (!markerOf(p) && /^(总之|總之|回首|回顾|回顧|展望|新的一年|在新的|今后|今後)|雖然做了|虽然做了/.test(p)) {
      closing.push(last.paras.pop());
    }
  }
  return { id: piece.id, source: piece.source, script: piece.script, kind: piece.kind, preamble, sections, closing };
}

// ---------------------------------------------------------------------------------------------
// Removing the base text's own figures for the six indicators

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
function probe(text) {
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
function removeIndicatorFigures(text) {
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

/** A key for finding the same paragraph again in another piece (placeholders, numbers and
 * markers aside). */
function paraKey(text) {
  return probe(stripMarker(text))
    .replace(/20[0-9xX_]{2}|__+|[xX]{2,}|~|\d+/g, '')
    .replace(/[\s\u3000,，。、;；:：()（）“”"']/g, '');
}

// ---------------------------------------------------------------------------------------------
// The pool of pieces, built once

/** A sub-heading ((一)、組織建設, 1、現況解到): a marker and a few words, no sentence. */
function isSubheading(text) {
  const m = markerOf(text);
  return Boolean(m) && text.length - m.hit[0].length <= 20 && !/[。！？!?；;,，]/.test(text.slice(m.hit[0].length, -1));
}

/** Sub-headings whose text went to another piece (as a duplicate) or was removed: drop those
 * followed by nothing, or by a sub-heading of the same or a higher level. */
function dropEmptyHeadings(paras) {
  const out = [];
  for (let i = paras.length - 1; i >= 0; i--) {
    const p = paras[i];
    if (isSubheading(p)) {
      const next = out[0];
      const level = markerOf(p).level;
      if (next === undefined || (isSubheading(next) && markerOf(next).level <= level)) continue;
    }
    out.unshift(p);
  }
  return out;
}

function buildPool() {
  const pieces = [];
  for (const src of SOURCES) {
    const file = path.join(CORPUS_DIR, src.file);
    if (!fs.existsSync(file)) throw new UsageError(`corpus file missing: ${path.relative(ROOT, file)}`, 1);
    pieces.push(...parseSource(src, fs.readFileSync(file, 'utf8')));
  }
  const seen = [];
  const isSeen = (key) => {
    if (key.length < 8) return false;
    for (const k of seen) {
      if (k === key) return true;
      if (key.length >= 20 && k.length >= 20 && (k.includes(key) || key.includes(k))) return true;
    }
    return false;
  };
  const clean = (paras, keepHeadingOnly) => {
    const out = [];
    for (const p of paras) {
      const key = paraKey(p);
      if (isSeen(key)) continue;
      seen.push(key);
      const text = removeIndicatorFigures(p);
      const body = stripMarker(text).replace(/[\s。,，;；]/g, '');
      if (body.length < 4) continue;
      // Only a heading sentence left of a long paragraph: keep it only if it reads as one.
      if (!keepHeadingOnly && text.length < 12 && !markerOf(text)) continue;
      out.push(text);
    }
    return out;
  };
  const pool = [];
  for (const piece of pieces) {
    const preamble = clean(piece.preamble, false);
    const sections = [];
    for (const s of piece.sections) {
      const paras = dropEmptyHeadings(clean(s.paras, true));
      if (paras.length > 0) sections.push({ ...s, paras });
    }
    const closing = clean(piece.closing, false);
    sections.sort((a, b) => (a.kind === 'advice') - (b.kind === 'advice'));
    const chars = [...preamble, ...closing, ...sections.flatMap((s) => s.paras)].join('').length;
    if (chars < 400) continue;
    pool.push({ ...piece, preamble, sections, closing, chars });
  }
  return pool;
}

// ---------------------------------------------------------------------------------------------
// Units

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

const INDICATORS = [
  { id: '新会员', unit: '人', base: 40 },
  { id: '职代会提案', unit: '项', base: 22 },
  { id: '慰问金', unit: '元', base: 60000 },
  { id: '劳动竞赛', unit: '次', base: 6 },
  { id: '合理化建议', unit: '条', base: 70 },
  { id: '培训', unit: '期', base: 8 },
];

function makeUnit(index, seed, years, pool) {
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

// ---------------------------------------------------------------------------------------------
// Planted sentences

const PHRASES = {
  新会员: { simplified: (v) => `发展新会员${v}人`, traditional: (v) => `發展新會員${v}人` },
  职代会提案: { simplified: (v) => `征集职代会提案${v}项`, traditional: (v) => `徵集職代會提案${v}項` },
  慰问金: { simplified: (v) => `发放慰问金${v}`, traditional: (v) => `發放慰問金${v}` },
  劳动竞赛: { simplified: (v) => `组织劳动竞赛${v}次`, traditional: (v) => `組織勞動競賽${v}次` },
  合理化建议: { simplified: (v) => `收到合理化建议${v}条`, traditional: (v) => `收到合理化建議${v}條` },
  培训: { simplified: (v) => `举办培训班${v}期`, traditional: (v) => `舉辦培訓班${v}期` },
};

const PHRASE_PATTERNS = {
  新会员: '发展新会员N人', 职代会提案: '征集职代会提案N项', 慰问金: '发放慰问金N元 | 发放慰问金N.N万元',
  劳动竞赛: '组织劳动竞赛N次', 合理化建议: '收到合理化建议N条', 培训: '举办培训班N期',
};

// Ordinary report wording around the phrase ({P}); no other number in any of them.
const TEMPLATES = {
  新会员: {
    simplified: ['全年{P}，会员队伍进一步壮大。', '持续扩大工会组织覆盖面，{P}。', '加强会员发展工作，本年度{P}。'],
    traditional: ['全年{P}，會員隊伍進一步壯大。', '持續擴大工會組織覆蓋面，{P}。', '加強會員發展工作，本年度{P}。'],
  },
  职代会提案: {
    simplified: ['召开职工代表大会，{P}，均已交有关部门办理。', '充分发挥职工代表作用，{P}。', '年内{P}，逐项落实办理。'],
    traditional: ['召開職工代表大會，{P}，均已交有關部門辦理。', '充分發揮職工代表作用，{P}。', '年內{P}，逐項落實辦理。'],
  },
  慰问金: {
    simplified: ['开展走访慰问活动，{P}。', '元旦春节期间深入开展送温暖活动，{P}。', '全年{P}，把组织的关怀送到职工心坎上。'],
    traditional: ['開展走訪慰問活動，{P}。', '元旦春節期間深入開展送溫暖活動，{P}。', '全年{P}，把組織的關懷送到職工心坎上。'],
  },
  劳动竞赛: {
    simplified: ['围绕生产经营中心任务，{P}。', '全年{P}，职工参与热情高涨。', '坚持以赛促学、以赛促干，{P}。'],
    traditional: ['圍繞生產經營中心任務，{P}。', '全年{P}，職工參與熱情高漲。', '堅持以賽促學、以賽促幹，{P}。'],
  },
  合理化建议: {
    simplified: ['深入开展职工献计献策活动，{P}。', '全年{P}，择优采纳实施。', '鼓励职工立足岗位创新创效，{P}。'],
    traditional: ['深入開展職工獻計獻策活動，{P}。', '全年{P}，擇優採納實施。', '鼓勵職工立足崗位創新創效，{P}。'],
  },
  培训: {
    simplified: ['围绕提升职工素质，{P}。', '全年{P}，职工业务技能稳步提升。', '依托职工学校，{P}。'],
    traditional: ['圍繞提升職工素質，{P}。', '全年{P}，職工業務技能穩步提升。', '依託職工學校，{P}。'],
  },
};

/** Where each indicator fits best (matched against the simplified probe of a paragraph). */
const AFFINITY = {
  新会员: /组织建设|会员|入会|建会|覆盖|自身建设|基层工会|基础/g,
  职代会提案: /民主管理|职代会|职工代表|厂务公开|企务公开|局务公开|民主/g,
  慰问金: /帮扶|慰问|困难|送温暖|关爱|救助|温暖|送清凉/g,
  劳动竞赛: /竞赛|建功立业|生产|比武|安康杯|立功/g,
  合理化建议: /创新|合理化|技术|金点子|小改小革|献策|五小/g,
  培训: /培训|素质|学习|教育|技能|练兵/g,
};

function plantedValue(unit, ind, year, years, rng) {
  const u = unit.indicators[ind.id];
  const t = year - years[0];
  let v = ind.base * unit.scale * u.factor * Math.pow(1 + u.trend, t) * rng.range(0.85, 1.18);
  // 2020: fewer gatherings, more relief.
  if (year === 2020 && (ind.id === '劳动竞赛' || ind.id === '培训')) v *= 0.7;
  if (year === 2020 && ind.id === '慰问金') v *= 1.25;
  if (ind.id === '慰问金') {
    if (v >= 10000 && rng.chance(0.5)) {
      let k = Math.max(11, Math.round(v / 1000));
      if (k % 10 === 0) k += 1; // always N.N万元
      return { value: k * 1000, figure: `${(k / 10).toFixed(1)}万元` };
    }
    const value = Math.max(1000, Math.round(v / 100) * 100);
    return { value, figure: `${value}元` };
  }
  const value = Math.max(1, Math.round(v));
  return { value, figure: String(value) };
}

// ---------------------------------------------------------------------------------------------
// Varying the base text

const YEAR_SLOT = /(?<![\d])20(?:2[123]|2_|__|xx|XX)(?![\d])/g;

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
    const step = Math.pow(10, -decimals);
    v = Math.max(step, Math.round(v / step) * step);
    if (isPercent) v = Math.min(v, 100);
    return v.toFixed(decimals);
  }
  const digits = str.length;
  const zeros = str.match(/0*$/)[0].length;
  const granule = Math.pow(10, Math.max(0, Math.min(zeros, digits - 2)));
  v = Math.max(granule, Math.round(v / granule) * granule);
  if (isPercent) v = Math.min(v, 100);
  return String(v);
}

// Numbers that are facts rather than results: 24小时, 365天, 7天, 8小时工作制.
const FIXED = new Set(['24小时', '24小時', '365天', '7天', '8小时', '8小時', '12个月', '12個月']);

function varyFigures(text, rng) {
  return text.replace(FIGURE_NUM, (whole, a, dash, b, cls, mag, offset, all) => {
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

// ---------------------------------------------------------------------------------------------
// Building one report

function chunksOf(paras) {
  const present = paras.map((p) => markerOf(p)).filter((m) => m && m.type !== 'cn');
  if (present.length === 0) return { intro: [], chunks: paras.map((p) => [p]) };
  const top = Math.min(...present.map((m) => m.level));
  const intro = [];
  const chunks = [];
  for (const p of paras) {
    const m = markerOf(p);
    if (m && m.level === top) chunks.push([p]);
    else if (chunks.length === 0) intro.push(p);
    else chunks[chunks.length - 1].push(p);
  }
  return { intro, chunks };
}

/** Renumber paragraph-leading markers in order: 1、3、2、 after a shuffle becomes 1、2、3、. */
function renumber(paras) {
  const counters = new Map();
  return paras.map((p) => {
    const m = markerOf(p);
    if (!m || m.type === 'cn') return p;
    for (const other of MARKERS) if (other.level > m.level) counters.delete(other.type);
    const n = (counters.get(m.type) ?? 0) + 1;
    counters.set(m.type, n);
    const [, before, , after] = m.hit;
    return before + (m.cn ? cnNumeral(n) : String(n)) + after + p.slice(m.hit[0].length);
  });
}

function dropSentences(text, rng) {
  const parts = text.match(/[^。！？!?]+[。！？!?]+|[^。！？!?]+$/g);
  if (!parts || parts.length < 3) return text;
  return parts.filter((s, i) => i === 0 || !rng.chance(0.06)).join('');
}

function shuffleSection(section, rng) {
  const { intro, chunks } = chunksOf(section.paras);
  let order = rng.shuffle(chunks);
  const maxDrop = Math.floor(order.length / 3);
  let dropped = 0;
  order = order.filter(() => {
    if (dropped < maxDrop && rng.chance(0.25)) {
      dropped++;
      return false;
    }
    return true;
  });
  const paras = [...intro];
  for (const chunk of order) {
    chunk.forEach((p, i) => {
      if (i > 0 && !markerOf(p) && rng.chance(0.12)) return;
      paras.push(p);
    });
  }
  return renumber(paras).map((p) => dropSentences(p, rng));
}

function buildReport(unit, year, ctx) {
  const { seed, pool, years } = ctx;
  const rng = new Rng(seed, 'report', unit.name, year);
  const primary = rng.chance(0.75) ? unit.pieces[0] : unit.pieces[1];

  // Sections: the primary piece's, with a section or two borrowed from another piece of the
  // same script, and now and then one left out.
  let work = primary.sections.filter((s) => s.kind === 'work');
  const tail = primary.sections.filter((s) => s.kind !== 'work');
  const lenders = pool.filter((p) => p.script === unit.script && p !== primary);
  const borrow = rng.chance(0.5) ? (rng.chance(0.3) ? 2 : 1) : 0;
  for (let i = 0; i < borrow && lenders.length; i++) {
    const lender = rng.pick(lenders);
    const candidates = lender.sections.filter((s) => s.kind === 'work' && s.heading && !work.includes(s));
    if (candidates.length) work.splice(rng.int(0, work.length), 0, rng.pick(candidates));
  }
  if (work.length > 2 && rng.chance(0.3)) work.splice(rng.int(1, work.length - 1), 1);
  const sections = [...work, ...tail];

  // Paragraph records: { kind: 'heading' | 'para', text, section, planted: [] }.
  const blocks = [];
  const plan = (s) => s && s.kind === 'plan';
  const fix = (text, s) => varyFigures(text.replace(YEAR_SLOT, String(plan(s) ? year + 1 : year)), rng);
  const preamble = primary.preamble.filter((p, i) => i === 0 || !rng.chance(0.3));
  for (const p of preamble) blocks.push({ kind: 'para', text: fix(dropSentences(p, rng), null), section: -1, work: true });
  let headingNo = 0;
  sections.forEach((s, si) => {
    if (s.heading) blocks.push({ kind: 'heading', text: `${cnNumeral(++headingNo)}、${fix(s.heading, s)}`, section: si });
    for (const p of shuffleSection(s, rng)) blocks.push({ kind: 'para', text: fix(p, s), section: si, work: s.kind === 'work' });
  });
  for (const p of primary.closing) blocks.push({ kind: 'para', text: fix(p, null), section: sections.length });

  // Plant one sentence per indicator, each in the paragraph that suits it best.
  const script = unit.script;
  const planted = [];
  const values = {};
  for (const ind of INDICATORS) {
    const { value, figure } = plantedValue(unit, ind, year, years, rng);
    values[ind.id] = value;
    const phrase = PHRASES[ind.id][script](script === 'traditional' ? figure.replace('万', '萬') : figure);
    let sentence = rng.pick(TEMPLATES[ind.id][script]).replace('{P}', phrase);
    const target = chooseParagraph(blocks, ind.id, rng);
    if (!target) {
      // No paragraph to take it: a paragraph of its own at the end of the work sections.
      const at = blocks.findIndex((b) => b.section >= work.length);
      blocks.splice(at < 0 ? blocks.length : at, 0, { kind: 'para', text: sentence, section: Math.max(0, work.length - 1), work: true, planted: [] });
      const block = blocks[at < 0 ? blocks.length - 1 : at];
      block.planted.push(ind.id);
      planted.push({ indicator: ind.id, value, unit: ind.unit, text: phrase, sentence, block });
      continue;
    }
    // Follow the paragraph's comma style (000 writes ASCII commas).
    const ascii = (target.text.match(/,/g) ?? []).length > (target.text.match(/，/g) ?? []).length;
    if (ascii) sentence = sentence.replace(/，/g, ',');
    const ends = [];
    for (let i = 0; i < target.text.length; i++) {
      if (SENTENCE_END.test(target.text[i]) && !SENTENCE_END.test(target.text[i + 1] ?? '') && target.text[i + 1] !== '”') ends.push(i + 1);
    }
    const at = rng.pick(ends);
    target.text = target.text.slice(0, at) + sentence + target.text.slice(at);
    target.planted = target.planted ?? [];
    target.planted.push(ind.id);
    planted.push({ indicator: ind.id, value, unit: ind.unit, text: phrase, sentence, block: target });
  }

  // Once per unit, a paragraph holding a planted figure is copied further on, as pages glued
  // from templates do; the figure in the copy must not be counted twice.
  let repeated = null;
  if (year === unit.repeatYear) {
    const holders = blocks.filter((b) => b.planted && b.planted.length > 0 && b.text.length >= 60);
    if (holders.length) {
      const original = rng.pick(holders);
      const copy = { kind: 'para', text: original.text, section: original.section, copyOf: original };
      const from = blocks.indexOf(original);
      // Right after it, or at the end of a later section (or of the report).
      let at = from + 1;
      if (rng.chance(0.6)) {
        const later = blocks.map((b, i) => i).filter((i) => i > from + 1 && blocks[i].kind === 'heading');
        at = later.length ? rng.pick(later) : blocks.length;
      }
      blocks.splice(at, 0, copy);
      repeated = { original, copy };
    }
  }

  return { blocks, planted, values, repeated, primary, sections };
}

function chooseParagraph(blocks, indicatorId, rng) {
  // Facts of the year go in the work sections, not in the problems, the plans or the closing.
  const candidates = blocks.filter((b) => b.kind === 'para' && b.work && b.text.length >= 30 && SENTENCE_END.test(b.text));
  if (candidates.length === 0) return null;
  const score = (b) => {
    const hits = probe(b.text).match(AFFINITY[indicatorId]);
    return (hits ? hits.length : 0) - (b.planted ? 2 * b.planted.length : 0) + rng.next() * 0.5;
  };
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const b of candidates) {
    const s = score(b);
    if (s > bestScore) {
      best = b;
      bestScore = s;
    }
  }
  return best;
}

function titleOf(unit, year) {
  switch (unit.style.title) {
    case 0: return `${unit.name}${year}年度工作总结`;
    case 1: return `${unit.name}${year}年工作总结`;
    default: return `${year}年度${unit.name}工作总结`;
  }
}

/** Lay the report out as text; returns the text and each block's 1-based line. */
function render(unit, year, report, rng) {
  const lines = [titleOf(unit, year)];
  const lineOf = new Map();
  const sep = () => {
    if (unit.style.blankLines) lines.push('');
  };
  sep();
  for (const b of report.blocks) {
    lineOf.set(b, lines.length + 1);
    lines.push(b.kind === 'heading' ? b.text : unit.style.indent + b.text);
    sep();
  }
  if (unit.style.signature) {
    if (!unit.style.blankLines) lines.push('');
    lines.push(unit.name);
    lines.push(`${year}年12月${rng.int(10, 30)}日`);
  } else if (unit.style.blankLines) {
    lines.pop();
  }
  return { text: lines.join('\n') + '\n', lineOf };
}

// ---------------------------------------------------------------------------------------------
// Command line

class UsageError extends Error {
  constructor(message, code = 2) {
    super(message);
    this.code = code;
  }
}

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        units: { type: 'string' },
        years: { type: 'string' },
        seed: { type: 'string' },
        'size-mb': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    const ambiguous = /Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(err.message);
    throw new UsageError(ambiguous ? `${ambiguous[1]} needs a value, and negative numbers are not allowed` : err.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'missing OUT_DIR' : `one OUT_DIR expected, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const intOption = (name, raw, min, max) => {
    if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
  const units = values.units === undefined ? 8 : intOption('units', values.units, 1, 100000);
  const seed = values.seed === undefined ? 42 : intOption('seed', values.seed, 0, 4294967295);
  let years = [2016, 2025];
  if (values.years !== undefined) {
    const m = /^(\d{4})(?:\s*[-–~]\s*(\d{4}))?$/.exec(values.years.trim());
    if (!m) throw new UsageError(`--years must look like 2016-2025 or 2020, got "${values.years}"`);
    years = [Number(m[1]), Number(m[2] ?? m[1])];
    if (years[0] > years[1]) throw new UsageError(`--years: ${years[0]} is after ${years[1]}`);
    if (years[0] < 1990 || years[1] > 2100) throw new UsageError(`--years must lie within 1990-2100, got "${values.years}"`);
  }
  let sizeMb = null;
  if (values['size-mb'] !== undefined) {
    const raw = values['size-mb'];
    sizeMb = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || !(sizeMb > 0) || sizeMb > 10000) {
      throw new UsageError(`--size-mb must be a positive number of MB up to 10000, got "${raw}"`);
    }
  }
  return { outDir: path.resolve(positionals[0]), units, unitsGiven: values.units !== undefined, seed, years, sizeMb };
}

/** Make OUT_DIR ready: create it, or clear an earlier archive (only the files it listed). */
function prepareOutDir(outDir) {
  if (!fs.existsSync(outDir)) {
    fs.mkdirSync(outDir, { recursive: true });
    return;
  }
  if (!fs.statSync(outDir).isDirectory()) throw new UsageError(`OUT_DIR is not a folder: ${outDir}`);
  const entries = fs.readdirSync(outDir);
  if (entries.length === 0) return;
  const manifest = path.join(outDir, 'manifest.csv');
  if (!fs.existsSync(manifest)) {
    throw new UsageError(`OUT_DIR is not empty and holds no earlier archive (no manifest.csv): ${outDir}`);
  }
  const rows = fs.readFileSync(manifest, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1);
  const dirs = new Set();
  for (const row of rows) {
    const file = parseCsvRow(row)[0];
    if (!file) continue;
    const full = path.resolve(outDir, file);
    if (!full.startsWith(outDir + path.sep)) continue;
    fs.rmSync(full, { force: true });
    dirs.add(path.dirname(full));
  }
  for (const dir of dirs) {
    if (dir !== outDir && fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
  fs.rmSync(path.join(outDir, 'truth.json'), { force: true });
  fs.rmSync(manifest, { force: true });
}

function parseCsvRow(row) {
  const out = [];
  let i = 0;
  while (i <= row.length && row.length > 0) {
    if (row[i] === '"') {
      let s = '';
      i++;
      while (i < row.length) {
        if (row[i] === '"' && row[i + 1] === '"') { s += '"'; i += 2; }
        else if (row[i] === '"') { i++; break; }
        else s += row[i++];
      }
      out.push(s);
      i++;
    } else {
      const end = row.indexOf(',', i);
      out.push(row.slice(i, end < 0 ? row.length : end));
      i = end < 0 ? row.length + 1 : end + 1;
    }
  }
  return out;
}

function csvField(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function main(argv) {
  const started = process.hrtime.bigint();
  const opts = parseCommandLine(argv);
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const pool = buildPool();
  prepareOutDir(opts.outDir);

  const years = [];
  for (let y = opts.years[0]; y <= opts.years[1]; y++) years.push(y);
  const ctx = { seed: opts.seed, pool, years };
  const target = opts.sizeMb === null ? null : opts.sizeMb * MB;
  const minUnits = opts.sizeMb === null || opts.unitsGiven ? opts.units : 1;

  const manifest = ['file,org,year'];
  const reports = [];
  const orgs = [];
  let bytes = 0;
  for (let i = 0; i < minUnits || (target !== null && bytes < target); i++) {
    const unit = makeUnit(i, opts.seed, years, pool);
    const dir = path.join(opts.outDir, unit.name);
    fs.mkdirSync(dir, { recursive: true });
    orgs.push(unit.name);
    for (const year of unit.years) {
      const report = buildReport(unit, year, ctx);
      const { text, lineOf } = render(unit, year, report, new Rng(opts.seed, 'render', unit.name, year));
      const rel = `${unit.name}/${year}年度工作总结.txt`;
      const buf = Buffer.from(text, 'utf8');
      fs.writeFileSync(path.join(opts.outDir, rel), buf);
      bytes += buf.length;
      manifest.push([rel, unit.name, year].map(csvField).join(','));
      const lines = text.split('\n');
      reports.push({
        file: rel,
        org: unit.name,
        year,
        script: unit.script,
        sources: [...new Set([report.primary.id, ...report.sections.map((s) => ownerOf(pool, s))])],
        values: report.values,
        planted: report.planted.map((p) => {
          const line = lineOf.get(p.block);
          return {
            indicator: p.indicator,
            value: p.value,
            unit: p.unit,
            text: p.text,
            sentence: p.sentence,
            line,
            column: lines[line - 1].indexOf(p.text) + 1,
          };
        }),
        repeated: report.repeated
          ? {
              indicators: report.repeated.original.planted.slice(),
              line: lineOf.get(report.repeated.original),
              copyLine: lineOf.get(report.repeated.copy),
            }
          : null,
      });
    }
  }

  fs.writeFileSync(path.join(opts.outDir, 'manifest.csv'), '\uFEFF' + manifest.join('\n') + '\n');
  const truth = makeTruth(opts, years, orgs, reports, bytes);
  fs.writeFileSync(path.join(opts.outDir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `make-archive: ${reports.length} files, ${(bytes / MB).toFixed(2)} MB, ${orgs.length} units, ` +
      `${years[0]}-${years[years.length - 1]}, seed ${opts.seed} → ${opts.outDir} (${seconds.toFixed(1)} s)\n`,
  );
  return 0;
}

function ownerOf(pool, section) {
  for (const p of pool) if (p.sections.includes(section)) return p.id;
  return '?';
}

function makeTruth(opts, years, orgs, reports, bytes) {
  const indicators = INDICATORS.map((ind) => {
    const byYear = {};
    const count = {};
    const byOrgYear = {};
    for (const r of reports) {
      const v = r.values[ind.id];
      byYear[r.year] = (byYear[r.year] ?? 0) + v;
      count[r.year] = (count[r.year] ?? 0) + 1;
      (byOrgYear[r.org] ??= {})[r.year] = ((byOrgYear[r.org] ?? {})[r.year] ?? 0) + v;
    }
    return {
      id: ind.id,
      unit: ind.unit,
      phrase: PHRASE_PATTERNS[ind.id],
      byYear,
      reports: count,
      byOrgYear,
    };
  });
  const byYear = {};
  const byOrgYear = {};
  for (const r of reports) {
    const y = (byYear[r.year] ??= Object.fromEntries(INDICATORS.map((i) => [i.id, 0])));
    for (const ind of INDICATORS) y[ind.id] += r.values[ind.id];
    (byOrgYear[r.org] ??= {})[r.year] = { ...r.values };
  }
  return {
    generator: 'scripts/make-archive.mjs',
    seed: opts.seed,
    years: [years[0], years[years.length - 1]],
    files: reports.length,
    bytes,
    orgs,
    indicators,
    byYear,
    byOrgYear,
    reports,
  };
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`make-archive: ${err.message}\n`);
    if (err.code === 2) process.stderr.write(USAGE + '\n');
    process.exitCode = err.code;
  } else {
    process.stderr.write(`make-archive: ${err.stack ?? err}\n`);
    process.exitCode = 1;
  }
}
