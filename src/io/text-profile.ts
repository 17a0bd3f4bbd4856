// Judging decoded text: character classes, a profile of how much of a text reads like a Chinese
// report (common ideographs, punctuation) and how much like garbage (replacement characters,
// private use, controls), and the control-character test that refuses binary data. Judging looks
// at the start of an input only.
import { DecodeError } from './encodings.js';

// Judging candidates looks at the start only: 256 KB holds thousands of characters, plenty to
// tell encodings apart, and keeps a 200 MB file from being decoded several times over.
const SAMPLE_BYTES = 256 * 1024;

/** The start of the input that judging looks at. */
export function sample(bytes: Uint8Array): Uint8Array {
  // SAMPLE_BYTES is even, so a UTF-16 sample never ends in half a code unit.
  return bytes.length <= SAMPLE_BYTES ? bytes : bytes.subarray(0, SAMPLE_BYTES);
}

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

/** Counts of characters by class, over one candidate decoding. */
export interface TextProfile {
  chars: number;
  cjk: number;
  common: number;
  textLike: number;
  bad: number;
  controls: number;
}

/** Classifies every character of the text (see TextProfile). */
export function profile(text: string): TextProfile {
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

/** Throws DecodeError when more than MAX_CONTROL_SHARE of the characters are controls. */
export function assertNotBinaryText(p: TextProfile): void {
  if (p.controls > 0 && p.controls > p.chars * MAX_CONTROL_SHARE) {
    throw new DecodeError('binary file (control characters)');
  }
}

// The code units isControl accepts: one scan finds whether a sample needs profiling at all.
const CONTROL = /[\0-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]/;

/** assertNotBinaryText for decoded text, judged on its start (see SAMPLE_BYTES). */
export function assertNotBinaryStart(text: string): void {
  const head = text.length > SAMPLE_BYTES ? text.slice(0, SAMPLE_BYTES) : text;
  if (CONTROL.test(head)) assertNotBinaryText(profile(head));
}

/** How many UTF-16 code units of the text are ASCII. */
export function countAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) n++;
  return n;
}
