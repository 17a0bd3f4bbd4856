// The hard cases of /work/shared/EXTRACTION.md (sections 1-15), stated as what a careful reader of
// a Chinese work report expects, following the conventions of test/fixtures/gold/README.md.
// Every example of the spec is here (simplified and traditional where it matters), plus sentences of
// our own from other kinds of reports (社区, 学校, 街道, 妇联, 医院, 企业).
import { SourceCode } from '../../src/source/source-code.js';
import { describe, expect, it } from 'vitest';

import { extractDocument } from '../../src/extract/index.js';

type Q = 'exact' | 'about' | 'at_least' | 'at_most' | 'more_than';
/** [value, unit, qualifier] or, for a range, [value, unit, qualifier, max]. */
type Fig = [number, string, Q] | [number, string, Q, number];

function extract(text: string, name = 'case.txt') {
  return extractDocument(SourceCode.fromText(name, text));
}

function figuresOf(text: string, name = 'case.txt'): Fig[] {
  return [...extract(text, name).figures]
    .sort((a, b) => a.offset - b.offset)
    .map((f): Fig => (f.max != null ? [f.value, f.unit, f.qualifier as Q, f.max] : [f.value, f.unit, f.qualifier as Q]));
}

function figureTexts(text: string): string[] {
  return [...extract(text).figures].sort((a, b) => a.offset - b.offset).map((f) => f.text);
}

function placeholdersOf(text: string, name = 'case.txt'): string[] {
  return [...extract(text, name).placeholders]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((p) => p.text);
}

function blanksOf(text: string) {
  return [...extract(text).blanks].sort((a, b) => a.line - b.line || a.column - b.column);
}

function blankUnits(text: string): string[] {
  return blanksOf(text).map((b) => b.unit);
}

const E = 'exact' as const;

/** Table runner: each sentence must yield exactly these figures, in text order. */
function figureTable(rows: [string, Fig[]][]) {
  it.each(rows)('%s', (sentence, expected) => {
    expect(figuresOf(sentence)).toEqual(expected);
  });
}

/** Table runner: no figure at all. */
function noFigureTable(rows: string[]) {
  it.each(rows.map((r) => [r]))('%s → no figure', (sentence) => {
    expect(figuresOf(sentence)).toEqual([]);
  });
}

// ---------------------------------------------------------------------------------------------

describe('1. classifiers', () => {
  figureTable([
    ['社区全年组织志愿服务活动36场,参与志愿者420人次。', [[36, '场', E], [420, '人次', E]]],
    ['社區全年組織志願服務活動36場,參與志願者420人次。', [[36, '场', E], [420, '人次', E]]],
    ['今年共发展新会员20人。', [[20, '人', E]]],
    ['学校今年新招录教师15名。', [[15, '名', E]]],
    ['街道新建党群服务站点8个。', [[8, '个', E]]],
    ['街道新建黨群服務站點8個。', [[8, '个', E]]],
    ['完成民生实事项目12项。', [[12, '项', E]]],
    ['完成民生實事項目12項。', [[12, '项', E]]],
    ['今年工会慰问基层单位9家。', [[9, '家', E]]],
    ['发放宣传资料400份。', [[400, '份', E]]],
    ['收集职工合理化建议92条。', [[92, '条', E]]],
    ['收集職工合理化建議92條。', [[92, '条', E]]],
    ['开展安全检查19次。', [[19, '次', E]]],
    ['举办各类培训班12期。', [[12, '期', E]]],
    ['走访困难家庭7户。', [[7, '户', E]]],
    ['走訪困難家庭7戶。', [[7, '户', E]]],
    ['职工书屋新增图书162册。', [[162, '册', E]]],
    ['“传帮带”结成师徒对子287对。', [[287, '对', E]]],
    ['“傳幫帶”結成師徒對子287對。', [[287, '对', E]]],
    ['征集书画作品18幅。', [[18, '幅', E]]],
    ['征集春联作品3副。', [[3, '副', E]]],
    ['为会员制作纪念徽章50枚。', [[50, '枚', E]]],
    ['创作原创歌曲5首。', [[5, '首', E]]],
    ['送文艺演出进社区20场次。', [[20, '场次', E]]],
    ['在各级媒体刊发宣传稿件35篇。', [[35, '篇', E]]],
    ['调解劳资纠纷15件。', [[15, '件', E]]],
    ['发放救助金1000元。', [[1000, '元', E]]],
    ['投入帮扶资金50万元。', [[500000, '元', E]]],
    ['投入幫扶資金50萬元。', [[500000, '元', E]]],
    ['签约员工申请入会率达100%。', [[100, '%', E]]],
    ['新建职工活动中心800平方米。', [[800, '平方米', E]]],
    ['开展送清凉活动30天。', [[30, '天', E]]],
    // other reports
    ['为社区服务站配备电脑20台。', [[20, '台', E]]],
    ['辖区内共有幼儿园3所。', [[3, '所', E]]],
    ['向学校图书室捐赠图书1200本。', [[1200, '本', E]]],
    ['街道新建口袋公园2座。', [[2, '座', E]]],
    ['医院派出医疗队2支。', [[2, '支', E]]],
  ]);
});

describe('2. Chinese numerals with a classifier (incl. 两/兩)', () => {
  figureTable([
    ['共徵集到段徽三枚、段歌一首。', [[3, '枚', E], [1, '首', E]]],
    ['共征集到段徽三枚、段歌一首。', [[3, '枚', E], [1, '首', E]]],
    ['其中兩名員工自學取得大專文憑。', [[2, '名', E]]],
    ['其中两名员工自学取得大专文凭。', [[2, '名', E]]],
    ['二是舉辦了二期安全知識培訓。', [[2, '期', E]]],
    ['二是举办了二期安全知识培训。', [[2, '期', E]]],
    [
      '其中有一副作品獲得一等獎,三副作品獲得二等獎,三幅作品獲得三等獎,四幅作品獲得入圍獎。',
      [[1, '副', E], [3, '副', E], [3, '幅', E], [4, '幅', E]],
    ],
    [
      '其中有一副作品获得一等奖,三副作品获得二等奖,三幅作品获得三等奖,四幅作品获得入围奖。',
      [[1, '副', E], [3, '副', E], [3, '幅', E], [4, '幅', E]],
    ],
    ['表彰了兩個車間。', [[2, '个', E]]],
    ['表彰了两个车间。', [[2, '个', E]]],
    // other reports
    ['社区举办了三场健康讲座。', [[3, '场', E]]],
    ['学校评选出十名优秀教师。', [[10, '名', E]]],
    ['街道走访了十二户困难家庭。', [[12, '户', E]]],
    ['妇联慰问了二十三名留守妇女。', [[23, '名', E]]],
    ['医院派出两支医疗队。', [[2, '支', E]]],
    ['公司本期参训人员一百二十人。', [[120, '人', E]]],
    ['为困难职工发放慰问金两千元。', [[2000, '元', E]]],
    ['每户补助三千五百元。', [[3500, '元', E]]],
    ['拨付工作经费五万元。', [[50000, '元', E]]],
    ['籌集善款兩萬元。', [[20000, '元', E]]],
  ]);
});

describe('3. 万/萬 and 亿 with decimals, and the letter form', () => {
  figureTable([
    ['發放慰問金35.705萬元。', [[357050, '元', E]]],
    ['发放慰问金35.705万元。', [[357050, '元', E]]],
    ['為15838名患病住院職工支付補助金1037.35萬元。', [[15838, '名', E], [10373500, '元', E]]],
    ['为15838名患病住院职工支付补助金1037.35万元。', [[15838, '名', E], [10373500, '元', E]]],
    // exactly 5600, not 5600.000000000001
    ['慰問金0.56萬元。', [[5600, '元', E]]],
    ['慰问金0.56万元。', [[5600, '元', E]]],
    ['醫療費用達2.5萬。', [[25000, '元', E]]],
    ['全年實現銷售500萬以上。', [[5000000, '元', 'at_least']]],
    ['累计发放补贴1.9W。', [[19000, '元', E]]],
    // other reports
    ['企业全年实现营业收入1.2亿元。', [[120000000, '元', E]]],
    ['學校獲得專項資金2.3億元。', [[230000000, '元', E]]],
    ['社区筹集爱心善款0.15万元。', [[1500, '元', E]]],
    ['医院全年门诊量达35.6万人次。', [[356000, '人次', E]]],
    ['街道全年服务群众1.2万人次。', [[12000, '人次', E]]],
  ]);

  it('keeps the original span as text (35.705萬元, 1.9W)', () => {
    expect(figureTexts('發放慰問金35.705萬元。')).toEqual(['35.705萬元']);
    expect(figureTexts('累计发放补贴1.9W。')).toEqual(['1.9W']);
  });
});

describe('4. implicit unit (money cues) and 人民币 first', () => {
  figureTable([
    ['醫療費用達2.5萬,術後需藥物長期維持,每月藥物費用達2.4萬,無法報銷。', [[25000, '元', E], [24000, '元', E]]],
    ['医疗费用达2.5万,术后需药物长期维持,每月药物费用达2.4万,无法报销。', [[25000, '元', E], [24000, '元', E]]],
    ['全年实现销售500万以上。', [[5000000, '元', 'at_least']]],
    ['發放生活補貼1.5萬。', [[15000, '元', E]]],
    ['发放慰问金3.2万。', [[32000, '元', E]]],
    ['职工踊跃捐款2万余。', [[20000, '元', 'more_than']]],
    ['“金秋助學” 資助18個家庭19名學生,共計人民幣14000元。', [[18, '个', E], [19, '名', E], [14000, '元', E]]],
    ['“金秋助学” 资助18个家庭19名学生,共计人民币14000元。', [[18, '个', E], [19, '名', E], [14000, '元', E]]],
    ['慰問實物摺合人民幣1.6129萬元。', [[16129, '元', E]]],
    ['慰问实物折合人民币1.6129万元。', [[16129, '元', E]]],
    // other reports
    ['医院为困难患者减免医疗费用3.6万。', [[36000, '元', E]]],
    ['学校为贫困学生发放助学补贴2万。', [[20000, '元', E]]],
    ['街道组织辖区企业捐款5.8万。', [[58000, '元', E]]],
  ]);

  it('text of 醫療費用達2.5萬 is 2.5萬 and of 共計人民幣14000元 is 14000元', () => {
    expect(figureTexts('醫療費用達2.5萬。')).toEqual(['2.5萬']);
    expect(figureTexts('共計人民幣14000元。')).toEqual(['14000元']);
  });
});

describe('5. qualifiers', () => {
  figureTable([
    ['國有企業勞動競賽覆蓋率達90%以上。', [[90, '%', 'at_least']]],
    ['国有企业劳动竞赛覆盖率达90%以上。', [[90, '%', 'at_least']]],
    ['参加活动的职工达百人以上。', [[100, '人', 'at_least']]],
    ['职工流失率控制在3%以下。', [[3, '%', 'at_most']]],
    ['培訓工會幹部600余人次。', [[600, '人次', 'more_than']]],
    ['培訓工會幹部600餘人次。', [[600, '人次', 'more_than']]],
    ['培训工会干部600余人次。', [[600, '人次', 'more_than']]],
    ['籌集善款3萬餘元。', [[30000, '元', 'more_than']]],
    ['筹集善款3万余元。', [[30000, '元', 'more_than']]],
    ['參加培訓達到120多人次。', [[120, '人次', 'more_than']]],
    ['参加培训达到120多人次。', [[120, '人次', 'more_than']]],
    ['整体减亏超50%。', [[50, '%', 'more_than']]],
    ['發放幫扶救助資金近3萬元。', [[30000, '元', 'about']]],
    ['全年投資3萬元左右。', [[30000, '元', 'about']]],
    ['全年投资3万元左右。', [[30000, '元', 'about']]],
    ['全年每个职工至少提3条合理化建议。', [[3, '条', 'at_least']]],
    ['全年每個職工至少提3條合理化建議。', [[3, '条', 'at_least']]],
    ['再拿出7000元以上给予救助。', [[7000, '元', 'at_least']]],
    // totals are exact
    ['全年共开展劳动竞赛19次。', [[19, '次', E]]],
    ['共计发放慰问金14400元。', [[14400, '元', E]]],
    ['共計發放慰問金14400元。', [[14400, '元', E]]],
    ['累计服务居民1300人次。', [[1300, '人次', E]]],
    ['慰问金额达14400元。', [[14400, '元', E]]],
    ['集体合同签订率达到98%。', [[98, '%', E]]],
    // other reports
    ['社区约有志愿者200名。', [[200, '名', 'about']]],
    ['大约有80户居民参与。', [[80, '户', 'about']]],
    ['学校全年开展安全讲座不少于12场。', [[12, '场', 'at_least']]],
    ['妇联单次活动人数不超过50人。', [[50, '人', 'at_most']]],
    ['到会职工不到30人。', [[30, '人', 'at_most']]],
    ['企业职工捐款逾5万元。', [[50000, '元', 'more_than']]],
    ['医院义诊服务群众超过3000人次。', [[3000, '人次', 'more_than']]],
  ]);

  it.each([
    ['国有企业劳动竞赛覆盖率达90%以上。', ['90%']],
    ['培训工会干部600余人次。', ['600余人次']],
    ['参加培训达到120多人次。', ['120多人次']],
    ['發放幫扶救助資金近3萬元。', ['3萬元']],
    ['全年投資3萬元左右。', ['3萬元']],
    ['整体减亏超50%。', ['50%']],
    ['共计发放慰问金14400元。', ['14400元']],
  ] as [string, string[]][])('text of %s excludes leading qualifiers and trailing 以上/左右', (s, texts) => {
    expect(figureTexts(s)).toEqual(texts);
  });
});

describe('6. bare magnitude words', () => {
  figureTable([
    ['参加活动的职工达百人以上。', [[100, '人', 'at_least']]],
    ['參加活動的職工達百人以上。', [[100, '人', 'at_least']]],
    // other reports
    ['社区文化节吸引居民千余人参加。', [[1000, '人', 'more_than']]],
    ['学校组织百余名师生参加植树活动。', [[100, '名', 'more_than']]],
    ['街道红色展馆接待参观群众逾万人次。', [[10000, '人次', 'more_than']]],
  ]);

  it('萬餘元 with its number deleted is a blank (元), not a figure of 10000', () => {
    const s = '共進行小改小革項目項,創經濟價值萬餘元。';
    expect(figuresOf(s)).toEqual([]);
    expect(blankUnits(s)).toEqual(['项', '元']);
  });
});

describe('7. ranges and category bounds', () => {
  figureTable([
    ['各基層工會組織開展了每年至少2-3次的娛樂文體活動。', [[2, '次', 'at_least', 3]]],
    ['各基层工会组织开展了每年至少2-3次的娱乐文体活动。', [[2, '次', 'at_least', 3]]],
    ['每年开展2-3次文体活动。', [[2, '次', E, 3]]],
    ['爭取年內再有3—5項指標創出新紀錄。', [[3, '项', E, 5]]],
    ['争取年内再有3—5项指标创出新纪录。', [[3, '项', E, 5]]],
    ['對效益較好的20個項目,進行6000—10000元的獎勵。', [[20, '个', E], [6000, '元', E, 10000]]],
    ['对效益较好的20个项目,进行6000—10000元的奖励。', [[20, '个', E], [6000, '元', E, 10000]]],
    ['每期培训学员25人至29人。', [[25, '人', E, 29]]],
    // other reports
    ['每班配备保育员2~3名。', [[2, '名', E, 3]]],
    ['每名学生资助500～1000元。', [[500, '元', E, 1000]]],
    ['每户补助5至8万元。', [[50000, '元', E, 80000]]],
    // category bounds describe the figure that follows
    ['簽訂25人以下集體合同2722份。', [[2722, '份', E]]],
    ['签订25人以下集体合同2722份。', [[2722, '份', E]]],
    ['100人以上集體合同168份。', [[168, '份', E]]],
    ['为辖区80岁以上老人发放慰问品300份。', [[300, '份', E]]],
    ['全区100人以上企业建会率达到95%。', [[95, '%', E]]],
  ]);

  it('簽訂25人以下集體合同2722份,25人至29人集體合同287份,100人以上集體合同168份', () => {
    const figs = figuresOf('簽訂25人以下集體合同2722份,25人至29人集體合同287份,100人以上集體合同168份。');
    expect(figs.filter((f) => f[1] === '份')).toEqual([[2722, '份', E], [287, '份', E], [168, '份', E]]);
    // the bounds 25人以下 / 100人以上 are not figures; 25人至29人 is optional (may appear as a range)
    const others = figs.filter((f) => f[1] !== '份');
    for (const f of others) expect(f).toEqual([25, '人', E, 29]);
  });

  it('text of a range is the whole span', () => {
    expect(figureTexts('每年开展2-3次文体活动。')).toEqual(['2-3次']);
    expect(figureTexts('进行6000—10000元的奖励。')).toEqual(['6000—10000元']);
  });
});

describe('8. fractions and percentages', () => {
  figureTable([
    ['煤电产能压降至三分之一,整体减亏超50%。', [[33.33, '%', E], [50, '%', 'more_than']]],
    ['煤電產能壓降至三分之一,整體減虧超50%。', [[33.33, '%', E], [50, '%', 'more_than']]],
    ['参保率达到百分之九十。', [[90, '%', E]]],
    ['參保率達到百分之九十。', [[90, '%', E]]],
    ['合同签订率达50%。', [[50, '%', E]]],
    ['入会率达到95％。', [[95, '%', E]]],
    ['职工满意度达九成。', [[90, '%', E]]],
    // other reports
    ['三分之二的社区建成了老年食堂。', [[66.67, '%', E]]],
    ['全区四分之一的企业建立了女职工委员会。', [[25, '%', E]]],
    ['学生体质健康达标率为百分之百。', [[100, '%', E]]],
    ['八成以上的居民表示满意。', [[80, '%', 'at_least']]],
    ['患者满意率达到98.5%。', [[98.5, '%', E]]],
  ]);

  it('text keeps the full-width ％', () => {
    expect(figureTexts('入会率达到95％。')).toEqual(['95％']);
  });
});

describe('9. not figures, though they hold numbers', () => {
  describe('dates and times', () => {
    noFigureTable([
      '4月28日在區政府報告廳召開表彰大會。',
      '4月28日在区政府报告厅召开表彰大会。',
      '发布时间: 2024-06-16 16:16:18 来源:网络',
      '11.28到段參加首屆職工文化藝術節文藝匯演。',
      '11.28到段参加首届职工文化艺术节文艺汇演。',
      '截至12月31日,各项工作顺利完成。',
      '三月底前完成摸底調查。',
      '10月份开展专项检查。',
      '1至10月份,各項工作穩步推進。',
      // other reports
      '2023年9月1日,学校举行开学典礼。',
      '社区于2023.10.15举办重阳节活动。',
      '上午9:30,医院召开安全生产会议。',
      '五月初,街道启动环境整治。',
    ]);
  });

  describe('years and periods', () => {
    noFigureTable([
      '2023年,公司工会紧紧围绕中心工作。',
      '09年以來,工會不斷加強自身建設。',
      '力争202_年末完成整合目标。',
      '20xx年,公司工会在总厂工会的领导下开展工作。',
      '20XX年工会工作有序推进。',
      '20__年,公司工會深入學習實踐科學發展觀。',
      '上半年,工会各项工作稳步推进。',
      '二季度完成职工体检。',
      // other reports
      '2022—2023学年,学校德育工作扎实开展。',
      '三季度,妇联重点开展家庭教育宣传。',
    ]);
  });

  describe('ordinals and ranks', () => {
    noFigureTable([
      '獲得路局客運值班員技能競賽第一名的好成績。',
      '在技能竞赛中获得第三名。',
      '第十四期職工醫療互助活動順利開展。',
      '召开第四届劳动模范表彰大会。',
      '其中有作品获得一等奖。',
      '在比賽中勇奪第一。',
      // other reports
      '第一书记驻村开展帮扶工作。',
      '学校三年级学生参加了研学活动。',
    ]);
  });

  describe('sessions, congresses and plans', () => {
    noFigureTable([
      '深入贯彻落实公司七届四次职代会精神。',
      '深入貫徹落實廠九屆三次職代會精神。',
      '认真学习十八大精神。',
      '深入学习宣传贯彻二十大精神。',
      '以踐行新理念、建功“十三五”為著眼點。',
      '谋划十四五发展蓝图。',
      // other reports
      '召开了一届三次职工代表大会。',
      '街道党工委认真学习十九届六中全会精神。',
    ]);
  });

  describe('anniversaries', () => {
    noFigureTable([
      '庆祝建党一百周年系列活动。',
      '以控虧增盈的優異成績向建國60周年獻禮。',
      // other reports
      '学校隆重举行建校60周年庆典。',
      '社区举办庆祝改革开放40周年文艺汇演。',
    ]);
  });

  describe('list markers', () => {
    noFigureTable([
      '一是加强学习;二是强化服务;三是完善制度;八是严格考核。',
      '1、加强组织建设',
      '1.加强组织建设',
      '(一)加强组织建设',
      '(一)加強組織建設',
      '2023企業工會年度工作計畫 篇3',
    ]);

    it('Markdown list numbers and headings are not figures', () => {
      const md = '# 社区工作总结\n\n## 一、主要成绩\n\n1. 组织志愿服务活动36场\n2. 参与居民1200人次\n';
      expect(figuresOf(md, 'case.md')).toEqual([[36, '场', E], [1200, '人次', E]]);
    });
  });

  describe('slogans', () => {
    noFigureTable([
      '严格落实“三重一大”决策制度。',
      '踐行“三個代表”重要思想。',
      '践行三个代表重要思想。',
      '努力實現“六個0”目標。',
      '開展“七個一”活動。',
      '鼓勵“兩室一站”創建。',
      '認真落實“三方四家”聯繫會議制度。',
      '落實“四位一體”職工素質提升措施。',
      '积极开展“五小”活动。',
      '深入开展两学一做学习教育。',
      '深入開展“三嚴三實”專題教育。',
      // other reports
      '严格落实三会一课制度。',
      '落实一岗双责要求。',
      '评选三八红旗手。',
      '学校举办六一儿童节文艺汇演。',
      '开展一对一帮扶。',
      '医院推行一站式服务。',
    ]);
  });

  describe('names and ids', () => {
    noFigureTable([
      '要認真開展“3510”合理化建議和技術革新活動。',
      '泰爾斯工會借鑑iso9000標準建立廠務公開質量管理體系。',
      '编辑:平静如水 识别码:31-1037781',
      '請發送郵件至 yyfangchan@163.com 舉報。',
      '對十字鋪站、水東站進行檢查。',
      // other reports
      '医院通过ISO9001质量管理体系认证。',
      '居民可拨打12345热线反映问题。',
      '该院是三甲医院。',
    ]);
  });

  describe('words that contain a numeral', () => {
    noFigureTable([
      '进一步加强工会组织建设。',
      '進一步加強工會組織建設。',
      '深入一线了解职工需求。',
      '深入一線瞭解職工需求。',
      '为职工解决了一些实际困难。',
      '统一思想,凝聚共识。',
      '建设一流企业。',
      '全体职工是一家人,全公司一盘棋。',
      '打通服务职工最后一公里。',
      '充分发挥半边天作用。',
      '充分發揮半邊天作用。',
      '打造新型職工隊伍。',
      // other reports
      '社区干部千方百计为居民排忧解难。',
      '全院上下万众一心抗击疫情。',
      '一年来,妇联各项工作取得新进展。',
      '第一时间赶赴现场。',
    ]);
  });
});

describe('10. placeholders are never figures', () => {
  it.each([
    ['培训职工xxx人次。', ['xxx']],
    ['发放慰问金xx万元。', ['xx']],
    ['發放幫扶救助資金和物品折合近xx萬元。', ['xx']],
    ['xx名代表听取了工作报告。', ['xx']],
    ['xx月xx日,召开了职工代表大会。', ['xx月xx日']],
    // other reports
    ['社区共走访XX户。', ['XX']],
    ['学校共有学生××名。', ['××']],
    ['资助贫困学生__名。', ['__']],
    ['发放慰问金○○元。', ['○○']],
    // one letter before a classifier is a blank too
    ['全年举办培训班x期。', ['x']],
    ['第X届职工运动会共有X人参加。', ['X', 'X']],
  ] as [string, string[]][])('%s', (s, placeholders) => {
    const e = extract(s);
    expect(e.figures).toEqual([]);
    expect(placeholdersOf(s)).toEqual(placeholders);
    // the number is there, only masked: the classifier is not a blank count
    expect(e.blanks).toEqual([]);
  });
});

describe('11. blank counts', () => {
  it.each([
    ['公司现有员工人(含临时用工)。', ['人'], '员工人'],
    ['公司現有員工人(含臨時用工)。', ['人'], '員工人'],
    ['健全了工會工作制度個。', ['个'], '制度個'],
    ['健全了工会工作制度个。', ['个'], '制度个'],
    ['共进行小改小革项目项,创经济价值万余元。', ['项', '元'], '万余元'],
    ['共徵集“金點子”條。', ['条'], '”條'],
    ['共征集“金点子”条。', ['条'], '”条'],
    ['已采纳并已实施完成项。', ['项'], '完成项'],
    ['綜合能耗有了較大幅度降低,平均降低成本%以上。', ['%'], '成本%'],
    ['平均降低成本%以上。', ['%'], '成本%'],
    ['平均每吨比上年下降了约元。', ['元'], '约元'],
    ['公司因此奖励各车间及生产经营部所属的两个辅助班组各元。', ['元'], '各元'],
    ['公司因此獎勵各車間及生產經營部所屬的兩個輔助班組各元。', ['元'], '各元'],
    ['工会于月日召开会员代表大会。', ['日'], '月日'],
    // other reports
    ['学校现有教职工人,其中专任教师人。', ['人', '人'], '教师人'],
    ['街道共发放宣传资料份。', ['份'], '资料份'],
    ['妇联共走访慰问困难妇女户。', ['户'], '妇女户'],
  ] as [string, string[], string][])('%s', (s, units, contextTail) => {
    const blanks = blanksOf(s);
    expect(blanks.map((b) => b.unit)).toEqual(units);
    expect(blanks[blanks.length - 1]!.context.endsWith(contextTail)).toBe(true);
  });

  it('the blank column is that of the unit character; its context ends with it', () => {
    const s = '一、基本情况\n公司现有员工人(含临时用工)。';
    const [b] = blanksOf(s);
    expect(b).toMatchObject({ unit: '人', line: 2, column: '公司现有员工人'.length });
    expect(b!.context.endsWith('员工人')).toBe(true);
  });

  it('the blanks of one clause keep their own columns', () => {
    const s = '学校现有教职工人,其中专任教师人。';
    expect(blanksOf(s).map((b) => b.column)).toEqual([s.indexOf('工人') + 2, s.indexOf('师人') + 2]);
  });

  it.each([
    '工人阶级是国家的领导阶级。',
    '评选表彰先进个人。',
    '每人发放慰问品。',
    '使人深受教育。',
    '人人参与安全管理。',
    '发扬主人翁精神。',
    '打造一个温馨的职工之家。',
    // other reports
    '社区关爱老年人和残疾人。',
    '个体工商户纳入工会组织。',
    '家长学校办得有声有色。',
    '改善企业生产条件。',
  ])('%s → no blank', (s) => {
    expect(extract(s).blanks).toEqual([]);
  });
});

describe('12. noisy traditional text (converter pinyin, HTML entities)', () => {
  const line = '元旦、春節(jié)期間,走訪慰問困難職工、農(nóng)民工490人,發(fā)放慰問金35.705萬元;';

  it('reads the figures through the pinyin noise', () => {
    expect(figuresOf(line)).toEqual([[490, '人', E], [357050, '元', E]]);
  });

  it('subjects skip the noise', () => {
    const figs = [...extract(line).figures].sort((a, b) => a.offset - b.offset);
    expect(figs[0]!.subject).toContain('困难职工、农民工');
    expect(figs[1]!.subject).toContain('慰问金');
    for (const f of figs) expect(f.subject).not.toMatch(/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ()]/);
  });

  it('positions point into the original, noisy line', () => {
    const text = `四、完善幫扶網(wǎng)絡(luò)建設(shè)\n${line}`;
    const figs = [...extract(text).figures].sort((a, b) => a.offset - b.offset);
    expect(figs.map((f) => [f.text, f.line, f.column])).toEqual([
      ['490人', 2, line.indexOf('490人') + 1],
      ['35.705萬元', 2, line.indexOf('35.705') + 1],
    ]);
  });

  figureTable([
    ['舉辦各級各類培訓(xùn)班12期,培訓(xùn)工會幹部600余人次。', [[12, '期', E], [600, '人次', 'more_than']]],
    ['為50名創(chuàng)業(yè)人員辦理“貸免扶補(bǔ)”貸款500萬元。', [[50, '名', E], [5000000, '元', E]]],
    ['緊扣農(nóng)民工會員年增長15%的目標(biāo)任務(wù)。', [[15, '%', E]]],
    // other reports
    ['社區(qū)共走訪(fǎng)慰問獨(dú)居老人36戶。', [[36, '户', E]]],
  ]);

  it.each([
    'F(xiàn)將有關(guān)情況匯報如下:',
    '堅持“面對面、心貼心、實打?qū)?rdquo;服務(wù)職工。',
    '圍繞區(qū)委經(jīng)濟社會發(fā)展目標(biāo)任務(wù)。',
    '深入開展“兩學(xué)一做”學習教育。',
    '深化“三嚴(yán)三實”專題教育。',
    // other reports: numeric HTML entities must not become numbers
    '積極開展&#8220;五小&#8221;活動。',
    // a letter that names a thing, not a number
    '组织职工进行X光胸透检查。',
    '新建X型钢结构厂房。',
    '社區&nbsp;&nbsp;開展&ldquo;鄰里節(jié)&rdquo;活動。',
  ])('%s → no figure, no placeholder', (s) => {
    const e = extract(s);
    expect(e.figures).toEqual([]);
    expect(e.placeholders).toEqual([]);
  });
});

describe('13. broken layout', () => {
  it('a page number cut into a word ("签订集\\n2、体合同") is no figure', () => {
    const s = 'xx名代表听取和审议了工作报告,签订集\n2、体合同。';
    expect(figuresOf(s)).toEqual([]);
    expect(placeholdersOf(s)).toEqual(['xx']);
  });

  noFigureTable([
    '一、突出思想政治引领,增强工会组织政治性1.加强工会组织建设。',
    '基層工會年度工作總結1',
    '基层工会年度工作总结1',
    '20XX年工会工作总结',
    // other reports
    '妇联工作总结3',
    '—3—',
  ]);

  it('a page-number line between paragraphs is no figure, and lines are counted in the original', () => {
    const s = '社区组织活动36场。\n—3—\n参与居民1200人次。';
    const figs = [...extract(s).figures].sort((a, b) => a.offset - b.offset);
    expect(figs.map((f) => [f.value, f.unit, f.line, f.column])).toEqual([
      [36, '场', 1, 7],
      [1200, '人次', 3, 5],
    ]);
  });

  it('inline numbering mid-sentence does not eat a real decimal', () => {
    expect(figuresOf('增强工会组织政治性1.加强组织建设,共发放慰问金1.5万元。')).toEqual([[15000, '元', E]]);
  });

  it('xx月xx日 … xxx公司一届三次 … xx名代表: placeholders only', () => {
    const s = 'xx月xx日,召开了xxx公司一届三次职工(工会会员)代表大会,xx名代表听取了报告。';
    expect(figuresOf(s)).toEqual([]);
    expect(placeholdersOf(s)).toEqual(['xx月xx日', 'xxx', 'xx']);
  });
});

describe('14. two figures, two subjects, one clause; unusual order; a list as subject', () => {
  it('資助18個家庭19名學生', () => {
    const figs = [...extract('“金秋助學” 資助18個家庭19名學生。').figures].sort((a, b) => a.offset - b.offset);
    expect(figs.map((f) => [f.value, f.unit])).toEqual([[18, '个'], [19, '名']]);
    expect(figs[0]!.subject).toContain('家庭');
    expect(figs[1]!.subject).toContain('学生');
  });

  it('職工人349次 is 349 人次 (not a blank 人)', () => {
    const s = '今年工會慰問基層單位9家,職工人349次,其中農民工人104次。';
    const e = extract(s);
    expect(figuresOf(s)).toEqual([[9, '家', E], [349, '人次', E], [104, '人次', E]]);
    expect(e.blanks).toEqual([]);
  });

  it('走訪慰問困難職工、農民工490人: the list is the subject', () => {
    const [f] = extract('走訪慰問困難職工、農民工490人。').figures;
    expect(f).toMatchObject({ value: 490, unit: '人' });
    expect(f!.subject).toContain('困难职工、农民工');
  });

  // other reports
  it('帮扶12户家庭35名留守儿童', () => {
    const figs = [...extract('妇联帮扶12户家庭35名留守儿童。').figures].sort((a, b) => a.offset - b.offset);
    expect(figs.map((f) => [f.value, f.unit])).toEqual([[12, '户'], [35, '名']]);
    expect(figs[0]!.subject).toContain('家庭');
    expect(figs[1]!.subject).toContain('留守儿童');
  });

  it('走访独居老人、空巢老人128户', () => {
    const [f] = extract('社区走访独居老人、空巢老人128户。').figures;
    expect(f).toMatchObject({ value: 128, unit: '户' });
    expect(f!.subject).toContain('独居老人、空巢老人');
  });
});

describe('15. repeated passages', () => {
  it('every occurrence of a repeated passage is reported at its own line', () => {
    const p = '一年來,走訪困難、住院員工4戶,計11人次,發放救助金1000元。';
    const e = extract(`${p}\n\n${p}\n`);
    const figs = [...e.figures].sort((a, b) => a.offset - b.offset);
    expect(figs.map((f) => [f.value, f.unit, f.line])).toEqual([
      [4, '户', 1], [11, '人次', 1], [1000, '元', 1],
      [4, '户', 3], [11, '人次', 3], [1000, '元', 3],
    ]);
    expect(new Set(figs.map((f) => f.offset)).size).toBe(6);
  });
});

// ---------------------------------------------------------------------------------------------

describe('placeholders: every pattern', () => {
  it.each([
    ['力争202_年末完成目标。', ['202_']],
    ['20xx年工会工作总结', ['20xx']],
    ['20XX年工会工作总结', ['20XX']],
    ['20__年,公司工会深入学习。', ['20__']],
    ['20××年社区工作总结', ['20××']],
    ['xx公司工会召开会议。', ['xx']],
    ['為推動XX跨越發展提供智力支撐。', ['XX']],
    ['xxx街道开展志愿服务。', ['xxx']],
    ['制定了《__公司工会工作计划》。', ['__']],
    ['制定了《＿＿公司工会工作计划》。', ['＿＿']],
    ['××小学开展读书月活动。', ['××']],
    ['○○医院开展义诊活动。', ['○○']],
    ['某某社区开展邻里节活动。', ['某某']],
    ['X月X日,召开妇女代表大会。', ['X月X日']],
    ['xx月xx日,召开了职工代表大会。', ['xx月xx日']],
    ['我局工會在~年總的指導思想是:', ['~']],
    ['困难职工李**家属患病住院。', ['**']],
  ] as [string, string[]][])('%s', (s, expected) => {
    expect(placeholdersOf(s)).toEqual(expected);
    expect(extract(s).figures).toEqual([]);
  });

  it('text is the placeholder only, with its own column (近xx萬元 → xx)', () => {
    const s = '一、幫扶工作\n發放幫扶救助資金和物品折合近xx萬元。';
    const [p] = extract(s).placeholders;
    expect(p).toMatchObject({ text: 'xx', line: 2, column: '發放幫扶救助資金和物品折合近'.length + 1 });
  });

  it.each([
    '基層工會年度工作總(jié)結。',
    '加強學(xué)習(xí)。',
    '培訓(xùn)班順利結業。',
    '为职工发放xxlarge尺码的工作服。',
    '设定温度max值。',
    '请发送邮件至 xxzgh@163.com 联系。',
  ])('%s → no placeholder', (s) => {
    expect(extract(s).placeholders).toEqual([]);
  });

  it('the ~ of a range is not a placeholder', () => {
    const e = extract('每班配备保育员2~3名。');
    expect(e.placeholders).toEqual([]);
  });
});

describe('subjects', () => {
  function subjectOf(s: string, value: number): string {
    const f = extract(s).figures.find((x) => x.value === value);
    expect(f, `figure ${value} in ${s}`).toBeDefined();
    return f!.subject;
  }

  it.each([
    ['今年共发展新会员20人。', 20, '新会员'],
    ['今年共發展新會員20人。', 20, '新会员'],
    ['资助18个家庭19名学生。', 18, '家庭'],
    ['资助18个家庭19名学生。', 19, '学生'],
    ['資助18個家庭19名學生。', 19, '学生'],
    ['走访慰问困难职工、农民工490人。', 490, '困难职工、农民工'],
    // other reports
    ['学校共有在校学生1200名。', 1200, '学生'],
    ['妇联培训家政服务人员300人。', 300, '家政服务人员'],
    ['企业今年新增发明专利15项。', 15, '专利'],
    ['医院派出医疗队2支。', 2, '医疗队'],
  ] as [string, number, string][])('%s → %s: %s', (s, value, subject) => {
    expect(subjectOf(s, value)).toContain(subject);
  });
});

describe('the report year', () => {
  it.each([
    ['2023年度社区工作总结\n一年来,社区各项工作稳步推进。', 2023],
    ['2023企業工會年度工作計畫\n\n20xx年,公司工會在總廠工會的領導下開展工作。', 2023],
    ['国企工会2022年度上半年工作总结及下半年工作思路\n2022年以来,工会紧紧围绕中心工作。', 2022],
    ['某某医院2021年工作总结\n一年来,医院各项工作稳步推进。', 2021],
    ['20XX年工会工作总结\n一年来,工会各项工作稳步推进。', null],
    ['202_年工会工作总结\n一年来,工会各项工作稳步推进。', null],
    ['20xx年妇联工作总结\n一年来,妇联各项工作稳步推进。', null],
    ['工会工作总结\n一年来,工会各项工作稳步推进。', null],
  ] as [string, number | null][])('%s → %s', (s, year) => {
    expect(extract(s).year).toBe(year);
  });

  it('reads the year from a Markdown title, and the year is not a figure', () => {
    const e = extract('# 2024年度XX街道工作总结\n\n街道全年服务群众1.2万人次。\n', 'case.md');
    expect(e.year).toBe(2024);
    expect(e.figures.map((f) => [f.value, f.unit])).toEqual([[12000, '人次']]);
  });
});
