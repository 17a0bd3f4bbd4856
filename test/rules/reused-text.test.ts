import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const lastYear = [
  '2022年工会工作总结',
  '一、加强职工思想教育',
  '为凝聚广大职工的智慧和力量，我们坚持开展形势任务教育，组织职工学习党的方针政策，增强了职工的主人翁意识。',
  '二、开展劳动竞赛',
  '围绕安全生产中心任务，车间工会组织开展了“安全生产百日赛”活动，共有300名职工参加，评选出先进班组5个。',
  '全年组织职工参加各类文体活动，丰富了职工的业余文化生活，增强了队伍的凝聚力。',
].join('\n');

ruleTester('reused-text', {
  valid: [
    // Without --against there is nothing to compare with.
    { text: '为凝聚广大职工的智慧和力量，我们坚持开展形势任务教育，组织职工学习党的方针政策，增强了职工的主人翁意识。' },
    // Headings and short phrases are boilerplate, not copies.
    { text: '2023年工会工作总结\n一、加强职工思想教育\n二、开展劳动竞赛\n今年我们把工作重心放在基层班组建设上，新建职工书屋两个。', against: { '2022.txt': lastYear } },
    // Rewritten enough to be new text.
    { text: '2023年工会工作总结\n今年工会把形势任务教育搬到了班组，利用班前会讲政策、讲安全，职工参与度明显提高。', against: { '2022.txt': lastYear } },
    // The draft itself in the --against folder is not its own source.
    { path: '2022.txt', text: lastYear, against: { '2022.txt': lastYear } },
  ],
  invalid: [
    {
      text: '2023年工会工作总结\n一、思想教育\n为凝聚广大职工的智慧和力量，我们坚持开展形势任务教育，组织职工学习党的方针政策，增强了职工的主人翁意识。',
      against: { '2022.txt': lastYear },
      errors: [{ messageId: 'paragraph', line: 3, column: 1, message: '这段与 2022.txt 第3行的段落相同或几乎相同（相似度 1.00）' }],
    },
    // Figures changed and a word swapped: still nearly the same paragraph.
    {
      text: '2023年工会工作总结\n围绕安全生产中心任务，车间工会组织开展了“安全生产百日赛”活动，共有350名职工参加，评选出优秀班组6个。',
      against: { '2022.txt': lastYear },
      errors: [{ messageId: 'paragraph', line: 2, column: 1, message: '2022.txt 第5行' }],
    },
    // Two neighbouring copied paragraphs are one finding.
    {
      text: '2023年工会工作总结\n围绕安全生产中心任务，车间工会组织开展了“安全生产百日赛”活动，共有300名职工参加，评选出先进班组5个。\n全年组织职工参加各类文体活动，丰富了职工的业余文化生活，增强了队伍的凝聚力。',
      against: { '2022.txt': lastYear },
      errors: [{ messageId: 'block', line: 2, column: 1, message: '这2段与 2022.txt 第5–6行的内容' }],
    },
  ],
});

describe('reused-text related places', () => {
  it('names the earlier report and its line in related', () => {
    const [m] = runRule('reused-text', { text: '2023年工会工作总结\n为凝聚广大职工的智慧和力量，我们坚持开展形势任务教育，组织职工学习党的方针政策，增强了职工的主人翁意识。', against: { 'old/2022.txt': lastYear } });
    expect(m!.related).toEqual([{ file: 'old/2022.txt', line: 3, column: 1, offset: 23, endLine: 3, endColumn: 53, similarity: 1 }]);
  });
});
