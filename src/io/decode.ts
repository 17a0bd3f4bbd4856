// Bytes → text: detects UTF-8, UTF-16 (with or without BOM), GB18030 and Big5, and refuses binary data.
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** Canonical name: utf-8, utf-16le, utf-16be, gb18030 or big5. */
  encoding: string;
  /** Whether the input began with a byte order mark (removed from `text`). */
  bom: boolean;
}

/** The bytes could not be turned into text; the message says why, in plain English. */
export class DecodeError extends Error {
  override name = 'DecodeError';
}

export const CANONICAL_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type CanonicalEncoding = (typeof CANONICAL_ENCODINGS)[number];

// GBK, GB2312 and CP936 decode correctly as GB18030 (a strict superset), so they share one decoder.
// "utf-16" without an endianness means: follow the BOM, little-endian if there is none (as Windows writes it).
const ENCODING_ALIASES: Record<string, CanonicalEncoding | 'utf-16'> = {
  'utf8': 'utf-8',
  'utf-8': 'utf-8',
  'utf16': 'utf-16',
  'utf-16': 'utf-16',
  'utf16le': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf16be': 'utf-16be',
  'utf-16be': 'utf-16be',
  'ucs2': 'utf-16le',
  'ucs-2': 'utf-16le',
  'gb18030': 'gb18030',
  'gbk': 'gb18030',
  'gb2312': 'gb18030',
  'cp936': 'gb18030',
  'euc-cn': 'gb18030',
  'big5': 'big5',
  'big5-hkscs': 'big5',
  'big5hkscs': 'big5',
  'cp950': 'big5',
};

/** The encoding names `--encoding` accepts, for help texts and error messages. */
export const ACCEPTED_ENCODING_NAMES: readonly string[] = Object.keys(ENCODING_ALIASES);

function resolveEncodingName(name: string): CanonicalEncoding | 'utf-16' {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  const found = ENCODING_ALIASES[key];
  if (!found) {
    throw new DecodeError(`unknown encoding "${name}" (accepted: ${ACCEPTED_ENCODING_NAMES.join(', ')})`);
  }
  return found;
}

/** The canonical name for an encoding name or alias; throws DecodeError for an unknown one. */
export function canonicalEncoding(name: string): CanonicalEncoding {
  const resolved = resolveEncodingName(name);
  return resolved === 'utf-16' ? 'utf-16le' : resolved;
}

const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const BOM_UTF16LE = [0xff, 0xfe];
const BOM_UTF16BE = [0xfe, 0xff];
// U+FEFF in GB18030's four-byte form: rare, but some Chinese tools write it.
const BOM_GB18030 = [0x84, 0x31, 0x95, 0x33];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

// Signatures are compared per input: their bytes are made once.
const asciiCache = new Map<string, number[]>();
function ascii(text: string): number[] {
  let bytes = asciiCache.get(text);
  if (!bytes) {
    bytes = [...text].map((c) => c.charCodeAt(0));
    asciiCache.set(text, bytes);
  }
  return bytes;
}

interface Magic {
  what: string;
  test: (bytes: Uint8Array) => boolean;
}

// Formats someone might point the tool at by mistake. Only signatures that no text file plausibly
// starts with are listed ("MZ" and "BM" alone are ordinary letters, so they need more evidence).
const MAGICS: Magic[] = [
  { what: 'PNG image', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { what: 'JPEG image', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { what: 'GIF image', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { what: 'WebP image', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { what: 'PDF document', test: (b) => startsWith(b, ascii('%PDF-')) },
  { what: 'ELF executable', test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
  { what: 'Windows executable', test: isPortableExecutable },
  { what: 'Mach-O executable', test: (b) => [[0xcf, 0xfa, 0xed, 0xfe], [0xce, 0xfa, 0xed, 0xfe], [0xfe, 0xed, 0xfa, 0xcf], [0xca, 0xfe, 0xba, 0xbe]].some((m) => startsWith(b, m)) },
  { what: 'WebAssembly module', test: (b) => startsWith(b, [0x00, 0x61, 0x73, 0x6d]) },
  { what: 'gzip archive', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { what: '7-Zip archive', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { what: 'RAR archive', test: (b) => startsWith(b, ascii('Rar!\x1a\x07')) },
  { what: 'old Word/Excel (OLE) document', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { what: 'SQLite database', test: (b) => startsWith(b, ascii('SQLite format 3\0')) },
];

function isPortableExecutable(b: Uint8Array): boolean {
  if (!startsWith(b, ascii('MZ')) || b.length < 0x40) return false;
  const peOffset = (b[0x3c] ?? 0) | ((b[0x3d] ?? 0) << 8) | ((b[0x3e] ?? 0) << 16) | ((b[0x3f] ?? 0) << 24);
  return peOffset > 0 && startsWith(b, [0x50, 0x45, 0, 0], peOffset);
}

function isZip(b: Uint8Array): boolean {
  return [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0x50, 0x4b, 0x07, 0x08]].some((m) => startsWith(b, m));
}

/** Names the binary format the bytes start with, or null. */
function binaryFormat(bytes: Uint8Array): string | null {
  if (isZip(bytes)) {
    // A .docx is a ZIP too; say so, because the user probably meant it as a report.
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)).toString('latin1');
    return head.includes('word/') ? 'ZIP archive: a Word .docx document, not plain text' : 'ZIP archive';
  }
  return MAGICS.find((m) => m.test(bytes))?.what ?? null;
}

// ---------------------------------------------------------------------------------------------
// Character classes used to judge a candidate decoding.

// The ~1,200 most frequent characters of modern Chinese (Jun Da's frequency list), and the
// traditional forms of those that differ. Correct decodings are dominated by them; a wrong decoding
// of the same bytes gives near-random characters, of which only a few per cent fall in this set.
const COMMON_SIMPLIFIED =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵';
const COMMON_TRADITIONAL_ONLY =
  '這個們來為國說時會對於過發後裡種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風乾幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較語僅隨選紅響雖勢參眾構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺謝魯慮銷鍾詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂鎮練爺館礎寧紙諸訓莊絲戲隱訪軟薩夥盤擴蓋穩億擁楊齊賽虛購揚綠貿畢輪庫跡競棄偉緩潛閃燈針絡純頁傑築鄭貝吳圓殘誠寬擺毀趙';
const COMMON_CHARS = new Set<number>([...COMMON_SIMPLIFIED, ...COMMON_TRADITIONAL_ONLY].map((c) => c.codePointAt(0)!));

function isCjkIdeograph(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/** Characters a Chinese report plausibly contains besides ideographs: ASCII, punctuation, symbols, kana, bopomofo. */
function isTextSymbol(cp: number): boolean {
  return (
    cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xff) ||
    (cp >= 0x2000 && cp <= 0x206f) || // general punctuation: — … ‘’ “”
    (cp >= 0x2100 && cp <= 0x22ff) || // letterlike, number forms (Ⅳ), arrows, maths
    (cp >= 0x2460 && cp <= 0x26ff) || // ①, box drawing, ■●, ★
    (cp >= 0x3000 && cp <= 0x33ff) || // CJK punctuation 、。《》, kana, bopomofo, ㈠
    (cp >= 0xfe30 && cp <= 0xfe4f) || // vertical and compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) // fullwidth ，：（）and halfwidth forms
  );
}

/** Characters that no correctly decoded report contains: replacement, private use, controls, unpaired surrogates. */
function isBadChar(cp: number): boolean {
  return (
    cp === 0xfffd ||
    (cp >= 0xe000 && cp <= 0xf8ff) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    isControl(cp)
  );
}

function isControl(cp: number): boolean {
  // Tab, line ends, form feed and vertical tab occur in real text; DOS editors also left Ctrl-Z (0x1A) at the end.
  if (cp === 0x09 || cp === 0x0a || cp === 0x0b || cp === 0x0c || cp === 0x0d || cp === 0x1a) return false;
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

interface TextProfile {
  chars: number;
  cjk: number;
  common: number;
  textLike: number;
  bad: number;
  controls: number;
}

function profile(text: string): TextProfile {
  const p: TextProfile = { chars: 0, cjk: 0, common: 0, textLike: 0, bad: 0, controls: 0 };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    p.chars++;
    if (isCjkIdeograph(cp)) {
      p.cjk++;
      p.textLike++;
      if (COMMON_CHARS.has(cp)) p.common++;
    } else if (isTextSymbol(cp)) {
      p.textLike++;
    } else if (isBadChar(cp)) {
      p.bad++;
      if (isControl(cp)) p.controls++;
    }
  }
  return p;
}

// Real text has almost no control characters; a few per hundred means a binary format we do not know.
const MAX_CONTROL_SHARE = 0.02;

function assertNotBinaryText(p: TextProfile): void {
  if (p.controls > 0 && p.controls > p.chars * MAX_CONTROL_SHARE) {
    throw new DecodeError('binary file (control characters)');
  }
}

// The code units isControl accepts: one scan finds whether a sample needs profiling at all.
const CONTROL = /[\0-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]/;

/** assertNotBinaryText for decoded text, judged on its start (see SAMPLE_BYTES). */
function assertNotBinaryStart(text: string): void {
  const head = text.length > SAMPLE_BYTES ? text.slice(0, SAMPLE_BYTES) : text;
  if (CONTROL.test(head)) assertNotBinaryText(profile(head));
}

// ---------------------------------------------------------------------------------------------
// Decoders.

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without the lenient replacement: unpaired surrogates or an odd byte count mean "not UTF-16". */
function decodeUtf16Strict(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | null {
  if (bytes.length % 2 !== 0) return null;
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, encoding: CanonicalEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    case 'utf-16le':
    case 'utf-16be':
      return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    case 'gb18030':
    case 'big5':
      // iconv-lite strips a leading BOM by default; BOMs are handled by the caller, so keep everything.
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
  }
}

function bomOf(bytes: Uint8Array): { encoding: CanonicalEncoding; length: number } | null {
  if (startsWith(bytes, BOM_UTF8)) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, BOM_UTF16LE)) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, BOM_UTF16BE)) return { encoding: 'utf-16be', length: 2 };
  if (startsWith(bytes, BOM_GB18030)) return { encoding: 'gb18030', length: 4 };
  return null;
}

// Judging candidates looks at the start only: 256 KB holds thousands of characters, plenty to
// tell encodings apart, and keeps a 200 MB file from being decoded several times over.
const SAMPLE_BYTES = 256 * 1024;

function sample(bytes: Uint8Array): Uint8Array {
  // SAMPLE_BYTES is even, so a UTF-16 sample never ends in half a code unit.
  return bytes.length <= SAMPLE_BYTES ? bytes : bytes.subarray(0, SAMPLE_BYTES);
}

/**
 * Is this UTF-16 in the given byte order? The decoding must be valid (no unpaired surrogates) and
 * look like a report: nearly all code units CJK, ASCII or punctuation, and (when there are enough
 * ideographs to judge) a good share of them common characters rather than random ones.
 */
function utf16Likelihood(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): number {
  // Lenient here, since a sample may end inside a surrogate pair; the caller decodes the whole
  // input strictly, and stray surrogates (now U+FFFD) count against the text share.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(sample(bytes));
  const p = profile(text);
  if (p.chars === 0) return 0;
  const textShare = p.textLike / p.chars;
  if (textShare < 0.9) return 0;
  if (p.cjk >= 8 && p.common / p.cjk < 0.3) return 0;
  return textShare;
}

/** Picks the byte order of BOM-less UTF-16, or null when neither reads as text. */
function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const le = utf16Likelihood(bytes, 'utf-16le');
  const be = utf16Likelihood(bytes, 'utf-16be');
  if (le === 0 && be === 0) return null;
  if (le === be) {
    // Equal scores (e.g. CJK text whose code units all read as other CJK when swapped) are settled
    // by where the zero bytes sit: ASCII in little-endian has its zero byte second.
    return zeroBytesAtOddPositions(bytes) >= zeroBytesAtEvenPositions(bytes) ? 'utf-16le' : 'utf-16be';
  }
  return le > be ? 'utf-16le' : 'utf-16be';
}

function zeroBytesAtOddPositions(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) n++;
  return n;
}

function zeroBytesAtEvenPositions(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i += 2) if (bytes[i] === 0) n++;
  return n;
}

/**
 * How much a legacy decoding reads like real Chinese: common characters count for it, replacement
 * characters, private-use code points (where GB18030 puts Big5 bytes it cannot map) and controls
 * count heavily against it. Normalised by the non-ASCII characters, since ASCII decodes the same way in both.
 */
function legacyScore(p: TextProfile, nonAscii: number): number {
  return (p.common - 3 * p.bad) / Math.max(1, nonAscii);
}

function countAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) n++;
  return n;
}

function detectLegacy(bytes: Uint8Array): CanonicalEncoding {
  const head = sample(bytes);
  let best: { encoding: CanonicalEncoding; score: number; profile: TextProfile; nonAscii: number } | null = null;
  // GB18030 first: on a tie the mainland encoding is the likelier one.
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = decodeWith(head, encoding);
    const p = profile(text);
    const nonAscii = p.chars - countAscii(text);
    const score = legacyScore(p, nonAscii);
    if (!best || score > best.score) best = { encoding, score, profile: p, nonAscii };
  }
  const chosen = best!;
  assertNotBinaryText(chosen.profile);
  // Neither reads as text (Latin-1, Shift-JIS, a format we do not know): say so rather than return garbage.
  // Real Chinese is mostly common characters (over half, even in lists of names); a wrong reading
  // of other bytes, Shift-JIS say, gives valid but random ideographs, few of them common.
  const randomIdeographs = chosen.profile.cjk >= 16 && chosen.profile.common < 0.15 * chosen.profile.cjk;
  if (randomIdeographs || chosen.profile.bad > Math.max(2, 0.2 * chosen.nonAscii)) {
    throw new DecodeError(
      'cannot tell the encoding: the bytes are not valid UTF-8, UTF-16, GB18030 or Big5 text (name it with --encoding)',
    );
  }
  return chosen.encoding;
}

/**
 * UTF-8 with a few broken sequences: a file cut off inside a character, or a stray byte from a
 * bad copy. Read it as UTF-8 (the broken bytes become U+FFFD) rather than misreading the whole
 * file as GB18030. Real GB18030 or Big5 text read as UTF-8 breaks on nearly every character.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(sample(bytes));
  const p = profile(text);
  let replacements = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) replacements++;
  const nonAscii = p.chars - countAscii(text);
  return p.cjk >= 16 && p.common >= 0.5 * p.cjk && replacements * 100 <= nonAscii && p.controls === 0;
}

// ---------------------------------------------------------------------------------------------

function result(text: string, encoding: CanonicalEncoding, bom: boolean): DecodedText {
  return { text, encoding, bom };
}

function decodeAs(bytes: Uint8Array, requested: CanonicalEncoding | 'utf-16'): DecodedText {
  const bom = bomOf(bytes);
  let encoding: CanonicalEncoding;
  if (requested === 'utf-16') {
    encoding = bom?.encoding === 'utf-16be' ? 'utf-16be' : 'utf-16le';
  } else {
    encoding = requested;
  }
  const hasBom = bom !== null && bom.encoding === encoding;
  const body = hasBom ? bytes.subarray(bom.length) : bytes;
  if (encoding === 'utf-8') {
    const text = decodeUtf8Strict(body);
    if (text === null) throw new DecodeError(`not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(body) + (hasBom ? 3 : 0)})`);
    return result(text, encoding, hasBom);
  }
  return result(decodeWith(body, encoding), encoding, hasBom);
}

/** Offset of the first byte that breaks UTF-8, for an error message a user can act on. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need > 0 && decodeUtf8Strict(bytes.subarray(i, i + need + 1)) === null) return i;
    i += need + 1;
  }
  return i;
}

/**
 * Decode a file's bytes. With `options.encoding` the named encoding is used (a matching BOM is
 * still removed); otherwise it is detected: binary signatures, then a BOM, then BOM-less UTF-16
 * when there are zero bytes, then strict UTF-8, then BOM-less UTF-16 CJK text, then UTF-8 with a
 * few broken bytes, then the better of GB18030 and Big5.
 * Line ends are left as they are, so positions count them.
 */
export function decodeBytes(bytes: Uint8Array, options: { encoding?: string } = {}): DecodedText {
  const requested = options.encoding !== undefined ? resolveEncodingName(options.encoding) : null;
  const format = binaryFormat(bytes);
  if (format) throw new DecodeError(`binary file (${format})`);
  if (requested) {
    const decoded = decodeAs(bytes, requested);
    if (!decoded.encoding.startsWith('utf-16') && decoded.text.includes('\0')) throw new DecodeError('binary file (NUL bytes)');
    return decoded;
  }
  if (bytes.length === 0) return result('', 'utf-8', false);

  const bom = bomOf(bytes);
  if (bom) {
    const decoded = decodeAs(bytes, bom.encoding);
    assertNotBinaryStart(decoded.text);
    if (bom.encoding !== 'utf-16le' && bom.encoding !== 'utf-16be' && decoded.text.includes('\0')) {
      throw new DecodeError('binary file (NUL bytes)');
    }
    return decoded;
  }

  // UTF-16 text (BOM-less) is where NUL bytes are legitimate: every ASCII character carries one.
  // Anywhere else a NUL byte means binary data.
  if (bytes.includes(0)) {
    const utf16 = detectUtf16(bytes);
    const text = utf16 ? decodeUtf16Strict(bytes, utf16) : null;
    if (!utf16 || text === null) throw new DecodeError('binary file (NUL bytes)');
    return result(text, utf16, false);
  }

  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) {
    assertNotBinaryStart(utf8);
    return result(utf8, 'utf-8', false);
  }

  // BOM-less UTF-16 gets here only without a single zero byte: no ASCII, not even a line end.
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    const text = decodeUtf16Strict(bytes, utf16);
    if (text !== null) return result(text, utf16, false);
  }

  if (isMostlyUtf8(bytes)) return result(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf-8', false);

  const legacy = detectLegacy(bytes);
  return result(decodeWith(bytes, legacy), legacy, false);
}

/**
 * The inverse of decodeBytes: text in the given encoding, with a BOM when asked, so that a
 * rewritten file (--fix) keeps the encoding and BOM it had.
 */
export function encodeText(text: string, encoding: string, bom: boolean): Buffer {
  const canonical = canonicalEncoding(encoding);
  switch (canonical) {
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([Buffer.from(BOM_UTF8), body]) : body;
    }
    case 'utf-16le': {
      const body = Buffer.from(text, 'utf16le');
      return bom ? Buffer.concat([Buffer.from(BOM_UTF16LE), body]) : body;
    }
    case 'utf-16be': {
      const body = Buffer.from(text, 'utf16le').swap16();
      return bom ? Buffer.concat([Buffer.from(BOM_UTF16BE), body]) : body;
    }
    case 'gb18030': {
      const body = iconv.encode(text, 'gb18030');
      return bom ? Buffer.concat([Buffer.from(BOM_GB18030), body]) : body;
    }
    case 'big5':
      if (bom) throw new DecodeError('big5 has no byte order mark');
      return iconv.encode(text, 'big5');
  }
}
