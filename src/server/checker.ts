// The library behind the server, in one place: the rule config, segmenter and lexicon loaded once at
// start, a warm-up, then one call per draft. The server knows the library only through this module.
import { Zongjie, type DraftAnalysis } from '../api/zongjie.js';
import { loadSegmenter } from '../segment/index.js';
import type { Lang } from '../text/messages.js';

export interface CheckerOptions {
  /** Where to look for .zongjierc.yml (default: the current directory), as `zongjie check` does. */
  cwd?: string;
  configFile?: string;
  preset?: string;
}

export interface Checker {
  analyse(name: string, bytes: Uint8Array, lang: Lang): Promise<DraftAnalysis>;
  /** The checks, for the page's group headings: id and what it finds, in `lang`. */
  rules(lang: Lang): { id: string; description: string }[];
}

/** A short draft analysed at start, so the first real check does not pay for loading and warming up. */
const WARM_UP_PARAGRAPHS = [
  '一、基本情况',
  '全年共开展开展劳动竞赛12次，发展新会员20人，公司现有员工人，慰问金35.705万元，202_年xx月。',
  '(一)加強思想政治引領，全年組織職工學習培訓3期，參加人數百人以上，共徵集“金點子”條，平均降低成本%以上。',
  '二、存在问题',
  '一是宣传力度不够；二是部分职工参与积极性不高，累计发放。',
];
/** Traditional and simplified text, a copied section and a repeated sentence: every path the checks take. */
const WARM_UP = `2023年度工作总结\n\n${[...WARM_UP_PARAGRAPHS, ...WARM_UP_PARAGRAPHS].join('\n\n')}\n`;

export async function createChecker(options: CheckerOptions = {}): Promise<Checker> {
  const settings = {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.preset ? { preset: options.preset } : {}),
  };
  // One facade per language, the rule files read at start (a mistake in them stops `serve` there).
  const byLang = { zh: new Zongjie({ ...settings, lang: 'zh' }), en: new Zongjie({ ...settings, lang: 'en' }) };
  for (const zongjie of Object.values(byLang)) void zongjie.config;
  loadSegmenter();
  const analyse = (name: string, bytes: Uint8Array, lang: Lang) => byLang[lang].analyseDraft(name, bytes);
  for (const lang of ['zh', 'en', 'zh'] as const) await analyse('warm-up.txt', Buffer.from(WARM_UP, 'utf8'), lang);

  return {
    analyse,
    rules: (lang) => byLang[lang].rules().map(({ id, description }) => ({ id, description })),
  };
}

/** Why the bytes could not be read as a draft (a ZIP archive, an image, a damaged Word file …), or null for another error. */
export function unreadableReason(error: unknown): string | null {
  if (!(error instanceof Error) || !['DecodeError', 'ReadError', 'DocxError'].includes(error.name)) return null;
  const reason = (error as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : error.message;
}
