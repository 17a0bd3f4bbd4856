// The six planted indicators: their units and base values, the phrases and sentence templates that
// plant them (simplified and traditional), where each fits best, and the value for a unit and year.

export const INDICATORS = [
  { id: '新会员', unit: '人', base: 40 },
  { id: '职代会提案', unit: '项', base: 22 },
  { id: '慰问金', unit: '元', base: 60000 },
  { id: '劳动竞赛', unit: '次', base: 6 },
  { id: '合理化建议', unit: '条', base: 70 },
  { id: '培训', unit: '期', base: 8 },
];

export const PHRASES = {
  新会员: { simplified: (v) => `发展新会员${v}人`, traditional: (v) => `發展新會員${v}人` },
  职代会提案: { simplified: (v) => `征集职代会提案${v}项`, traditional: (v) => `徵集職代會提案${v}項` },
  慰问金: { simplified: (v) => `发放慰问金${v}`, traditional: (v) => `發放慰問金${v}` },
  劳动竞赛: { simplified: (v) => `组织劳动竞赛${v}次`, traditional: (v) => `組織勞動競賽${v}次` },
  合理化建议: { simplified: (v) => `收到合理化建议${v}条`, traditional: (v) => `收到合理化建議${v}條` },
  培训: { simplified: (v) => `举办培训班${v}期`, traditional: (v) => `舉辦培訓班${v}期` },
};

export const PHRASE_PATTERNS = {
  新会员: '发展新会员N人', 职代会提案: '征集职代会提案N项', 慰问金: '发放慰问金N元 | 发放慰问金N.N万元',
  劳动竞赛: '组织劳动竞赛N次', 合理化建议: '收到合理化建议N条', 培训: '举办培训班N期',
};

// Ordinary report wording around the phrase ({P}); no other number in any of them.
export const TEMPLATES = {
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
export const AFFINITY = {
  新会员: /组织建设|会员|入会|建会|覆盖|自身建设|基层工会|基础/g,
  职代会提案: /民主管理|职代会|职工代表|厂务公开|企务公开|局务公开|民主/g,
  慰问金: /帮扶|慰问|困难|送温暖|关爱|救助|温暖|送清凉/g,
  劳动竞赛: /竞赛|建功立业|生产|比武|安康杯|立功/g,
  合理化建议: /创新|合理化|技术|金点子|小改小革|献策|五小/g,
  培训: /培训|素质|学习|教育|技能|练兵/g,
};

export function plantedValue(unit, ind, year, years, rng) {
  const u = unit.indicators[ind.id];
  const t = year - years[0];
  let v = ind.base * unit.scale * u.factor * (1 + u.trend) ** t * rng.range(0.85, 1.18);
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
