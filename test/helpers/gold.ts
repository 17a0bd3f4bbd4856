// Scoring extraction against the hand-checked gold files in test/fixtures/gold/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Extraction } from '../../src/extract/index.js';
import { ROOT } from './corpus.js';

export interface GoldFigure { line: number; column: number; text: string; value: number; max?: number; unit: string; subject: string; qualifier: string; optional?: boolean }
export interface GoldPlaceholder { line: number; column: number; text: string; optional?: boolean }
export interface GoldBlank { line: number; column: number; unit: string; context: string; optional?: boolean }
export interface Gold { file: string; year: number | null; figures: GoldFigure[]; placeholders: GoldPlaceholder[]; blanks: GoldBlank[] }

export const GOLD_DIR = join(ROOT, 'test', 'fixtures', 'gold');
export function loadGold(): Gold[] {
  return readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as Gold);
}

export interface Score { tp: number; fp: number; fn: number; misses: string[]; extras: string[] }
export const emptyScore = (): Score => ({ tp: 0, fp: 0, fn: 0, misses: [], extras: [] });
export const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
export const f1 = (s: Score) => { const p = precision(s); const r = recall(s); return p + r === 0 ? 0 : (2 * p * r) / (p + r); };

interface Found { line: number; column: number; endLine: number; endColumn: number; label: string }

/**
 * Pair gold and found items on the same line whose spans overlap; `correct` says whether a pair
 * is right. Optional gold items neither reward nor penalise: their pairs are dropped.
 */
function score<G extends { line: number; column: number; optional?: boolean }, F extends Found>(
  file: string, gold: G[], found: F[], span: (g: G) => [number, number], correct: (g: G, f: F) => boolean, label: (g: G) => string, into: Score,
): void {
  const used = new Set<number>();
  for (const g of gold) {
    const [gs, ge] = span(g);
    const index = found.findIndex((f, i) => !used.has(i) && f.line === g.line && (f.endLine > f.line ? Infinity : f.endColumn) > gs && f.column < ge);
    if (index < 0) {
      if (!g.optional) { into.fn++; into.misses.push(`${file}:${g.line}:${g.column} ${label(g)}`); }
      continue;
    }
    used.add(index);
    if (g.optional) continue;
    if (correct(g, found[index]!)) into.tp++;
    else {
      into.fn++; into.fp++;
      into.misses.push(`${file}:${g.line}:${g.column} ${label(g)} ≠ ${found[index]!.label}`);
    }
  }
  found.forEach((f, i) => { if (!used.has(i)) { into.fp++; into.extras.push(`${file}:${f.line}:${f.column} ${f.label}`); } });
}

export interface GoldScores { figures: Score; placeholders: Score; blanks: Score; subjects: { right: number; total: number; wrong: string[] }; years: { right: number; total: number } }

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));
// A subject is right when one names the other (新会员 / 发展新会员), compared without the 的 and spaces.
const sameSubject = (a: string, b: string) => { const x = a.replace(/[的\s]/g, ''); const y = b.replace(/[的\s]/g, ''); return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x)); };

export function scoreExtraction(golds: Gold[], extractions: Map<string, Extraction>): GoldScores {
  const scores: GoldScores = { figures: emptyScore(), placeholders: emptyScore(), blanks: emptyScore(), subjects: { right: 0, total: 0, wrong: [] }, years: { right: 0, total: 0 } };
  for (const gold of golds) {
    const e = extractions.get(gold.file)!;
    scores.years.total++;
    if (e.year === gold.year) scores.years.right++;
    const figures = e.figures.map((f) => ({ ...f, label: `${f.text}=${f.value}${f.unit}` }));
    score(gold.file, gold.figures, figures, (g) => [g.column, g.column + g.text.length], (g, f) => {
      const ok = sameNumber(g.value, f.value) && g.unit === f.unit;
      if (ok && g.subject) { scores.subjects.total++; if (sameSubject(g.subject, f.subject)) scores.subjects.right++; else scores.subjects.wrong.push(`${gold.file}:${g.line} ${g.text}: ${g.subject} ≠ ${f.subject}`); }
      return ok;
    }, (g) => `${g.text}=${g.value}${g.unit}`, scores.figures);
    const placeholders = e.placeholders.map((p) => ({ ...p, label: p.text }));
    score(gold.file, gold.placeholders, placeholders, (g) => [g.column, g.column + g.text.length], () => true, (g) => g.text, scores.placeholders);
    const blanks = e.blanks.map((b) => ({ ...b, label: `${b.context}[${b.unit}]` }));
    score(gold.file, gold.blanks, blanks, (g) => [g.column, g.column + 1], () => true, (g) => `${g.context}[${g.unit}]`, scores.blanks);
  }
  return scores;
}

export function formatTable(s: GoldScores): string {
  const row = (name: string, x: Score) => `| ${name.padEnd(12)} | ${String(x.tp).padStart(4)} | ${String(x.fp).padStart(4)} | ${String(x.fn).padStart(4)} | ${precision(x).toFixed(3)} | ${recall(x).toFixed(3)} | ${f1(x).toFixed(3)} |`;
  return [
    '| kind         |   TP |   FP |   FN | precision | recall | F1 |',
    '|--------------|------|------|------|-----------|--------|----|',
    row('figures', s.figures), row('placeholders', s.placeholders), row('blanks', s.blanks),
    `subjects right on correct figures: ${s.subjects.right}/${s.subjects.total}; report years right: ${s.years.right}/${s.years.total}`,
  ].join('\n');
}
