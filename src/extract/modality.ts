// Modality and relation of a figure: whether it was done in the report's period, aimed at, or given
// for comparison; and whether it is a level or a change. Statistics sum only actual levels.
import type { Section } from '../document/index.js';

export type Modality = 'actual' | 'target' | 'comparison';
export type Relation = 'level' | 'change';

// A plan, goal or forecast in the figure's sentence before it (力争…, 计划…, 预计…, 明年…).
const TARGET_CUE = /力争|力求|争取|确保|预计|预期|计划(?!生育)|规划|(?<![模虚草])拟|目标|打算|准备|明年|下一年|下年度|来年|今后|下一步|不少于|不低于|将(?:达到|达|超过|突破|新增|增加|增长|完成|举办|开展|组织|实现|建成|发展|培训)|要(?:达到|完成|确保|实现|新增|发展|培训|举办|开展|组织)/;
// A sentence in the past or present of the report, which the cue words above do not make a plan:
// 确保实现了…, 已…
const DONE = /(?:了|已)[^，,；;。]{0,12}$/;
// Another period the figure is measured against or belongs to (同比, 比去年, 较上年, 去年同期…).
const COMPARISON_CUE = /同比|环比|(?:比|较|与|和|对比)(?:去年|上年|上一年|前年|同期|上季度|上月|\d{4}年)|去年|上年|上一年度|前年/;
// A heading over plans: 打算, 计划, 思路, 明年, 下一步, 工作重点 … (but not 计划生育, a field of work).
const PLAN_HEADING = /打算|计划(?!生育)|思路|设想|展望|下一步|下步|明年|下年|来年|今后|工作要点|工作重点|主要任务|目标任务|努力方向|工作安排|主要措施|措施/;
// A summary heading or a problems heading stays actual even inside a plan section.
const ACTUAL_HEADING = /总结|回顾|成绩|成效|完成情况|存在|问题|不足|概述|情况/;

// A goal named after the figure: 会员年增长15%的目标任务.
const TARGET_AFTER = /^[^，,；;。]{0,8}?的?(?:目标|任务数)/;

// A change of a level: 增加了20人, 下降3.2%, 同比增长12%, 比去年多5人, 提高2个百分点; but 增加到150人
// (a level reached). Only fillers may stand between the verb and the number.
const CHANGE_BEFORE = /(?:增加|增长|提高|提升|上升|下降|减少|降低|下滑|回落|扩大|缩小|增幅|降幅|增速|涨幅|(?<!新)增|减|降|涨|(?<![许很众诸])多|(?<![至最])少)(?:了|为|达|达到|约|近|超过|超|逾|近乎)?$/;
const LEVEL_AFTER_CHANGE = /(?:到|至|成)$/;

/** The text of the figure's sentence before it, from the last sentence end. */
function sentenceBefore(text: string, at: number, reach = 120): string {
  let i = at;
  while (i > 0 && at - i < reach && !/[。！？!?；;\n]/.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

/** The text of the figure's clause before it, from the last clause end. */
function clauseBefore(text: string, at: number, reach = 60): string {
  let i = at;
  while (i > 0 && at - i < reach && !/[。！？!?；;，,：:\n]/.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

/**
 * The normalised headings over a place, nearest first, then the titles of its part (篇N) and of the
 * document: a part titled 工作计划 holds plans unless a nearer heading says summary (情况概述, 存在的问题).
 */
export function headingsOver(sections: readonly Section[], section: Section | null, documentTitle = ''): string[] {
  const titles: string[] = [];
  const parts: string[] = [];
  for (let s = section; s; s = s.parent === null ? null : sections[s.parent]!) {
    (s.kind === 'part' ? parts : titles).push(s.normalizedTitle);
  }
  return [...titles, ...parts, documentTitle];
}

/**
 * A figure's modality, from its sentence (text before `at`, normalised) and the headings over it:
 * a cue in the sentence wins, then the nearest heading that says plan or summary.
 */
export function modalityOf(text: string, at: number, headings: readonly string[], end = at): Modality {
  const sentence = sentenceBefore(text, at);
  const clause = clauseBefore(text, at);
  if (COMPARISON_CUE.test(clause)) return 'comparison';
  const target = TARGET_CUE.exec(sentence);
  if (target && !DONE.test(sentence.slice(target.index))) return 'target';
  if (TARGET_AFTER.test(text.slice(end, end + 12))) return 'target';
  for (const heading of headings) {
    if (ACTUAL_HEADING.test(heading)) return 'actual';
    if (PLAN_HEADING.test(heading)) return 'target';
  }
  return 'actual';
}

/** A figure's relation: a change when a verb of change stands right before it, or it is signed. */
export function relationOf(text: string, start: number): Relation {
  if (/[+＋\-－−]/.test(text[start - 1] ?? '') && !/\d/.test(text[start - 2] ?? '')) return 'change';
  const clause = clauseBefore(text, start, 16);
  if (LEVEL_AFTER_CHANGE.test(clause)) return 'level';
  return CHANGE_BEFORE.test(clause) ? 'change' : 'level';
}
