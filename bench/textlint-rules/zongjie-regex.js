// A textlint rule with regexes comparable to what `zongjie check` looks for, for the bench's
// side-by-side run (textlint --rulesdir bench/textlint-rules): the placeholder patterns of
// rules/placeholders.yml, doubled words (开展开展), blank counts and missing numbers as plain
// regexes, and scrape artifacts (HTML entities, pinyin left by a converter). It is what a team would
// write in an afternoon with textlint instead of using zongjie: no segmentation, no structure.
const RULES = [
  // rules/placeholders.yml
  ['placeholder', /(?:[xX×]{1,2}|[_＿]{1,4})月(?:[xX×]{1,2}|[_＿]{1,4})日/gu],
  ['placeholder', /(?<![0-9])(?:20[xX×_＿]{2}|20[0-9][_＿]|20[0-9][xX×])(?![0-9A-Za-z])/gu],
  ['placeholder', /(?<![A-Za-z])[xX]{2,}(?![A-Za-z])/gu],
  ['placeholder', /[_＿]{2,}/gu],
  ['placeholder', /×{2,}|○{2,}/gu],
  ['placeholder', /某某/gu],
  ['placeholder', /[~～](?=[年月日届次名人个项])/gu],
  ['placeholder', /\*{2,}/gu],
  // doubled words: 开展开展, 组织的组织的
  ['doubled-word', /(\p{Script=Han}{2,3})\1/gu],
  // blank counts: a classifier right after a word that wants a number (现有员工人, 征集金点子条, 万余元)
  ['blank-count', /(?:现有|共有|共计|累计|合计|共|达|发展|征集|慰问|帮扶|参加|参与)(?:\p{Script=Han}{0,4})(?<![0-9一二两三四五六七八九十百千万亿余多])(?:人次|人|名|个|条|件|次|项|场|户|家|元)(?=[，。；、,;）)]|$)/gu],
  ['blank-count', /(?<![0-9一二两三四五六七八九十百千])(?:万|亿)余?元/gu],
  ['blank-count', /(?<![0-9])%(?:以上|以下|左右)/gu],
  // missing numbers: a total with no number before the clause ends
  ['missing-number', /(?:共征集|累计发放|参加人数|共发放|共慰问|共帮扶|共举办|共组织)[^0-9一二两三四五六七八九十百千万，。；,;]{0,10}[，。；,;]/gu],
  // scrape artifacts
  ['artifact', /&(?:nbsp|amp|lt|gt|quot|apos|#\d{1,6}|#x[0-9a-fA-F]{1,6});/gu],
  ['artifact', /(?<=\p{Script=Han})\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)/gu],
  ['artifact', /(?<=\p{Script=Han})[-—·](?=\p{Script=Han})/gu],
];

/** @type {import('@textlint/types').TextlintRuleModule} */
const rule = (context) => {
  const { Syntax, RuleError, report, getSource, locator } = context;
  return {
    [Syntax.Str](node) {
      const text = getSource(node);
      for (const [id, re] of RULES) {
        re.lastIndex = 0;
        for (const m of text.matchAll(re)) {
          report(node, new RuleError(`${id}: 「${m[0]}」`, { padding: locator.range([m.index, m.index + m[0].length]) }));
        }
      }
    },
  };
};
export default rule;
