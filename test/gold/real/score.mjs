// Scores extractions of the corpus against the real-text development set (test/gold/real/): P/R/F1 of figures
// (value + unit), placeholders, blanks and activities, and the accuracy of subject, qualifier, modality,
// relation, verb and object on the matched items. Used by `npm run eval` and by the test that guards the figures.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveAnchor } from './anchors.mjs';

const goldDir = dirname(fileURLToPath(import.meta.url));

/** The annotated passages, each with its `gold`. */
export function annotatedPassages() {
  return JSON.parse(readFileSync(join(goldDir, 'passages.json'), 'utf8'))
    .map((p) => ({ ...p, gold: readGold(p.id) }))
    .filter((p) => p.gold);
}

function readGold(id) {
  const path = join(goldDir, 'annotations', `${id}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/**
 * `extractions`: file name (as in passages.json) → the extraction of that corpus file. `toSimplified`:
 * a converter, so that subjects, units and verbs compare in one script.
 */
export function scoreDevSet(passages, extractions, toSimplified) {
  const simple = (s) => toSimplified(String(s ?? '')).replace(/[\s“”"‘’'「」《》（）()、，,]/g, '');
  /** Gold items placed in file offsets: [start, end). */
  function placeGold(passage, items) {
    return items.map((item) => {
      const at = resolveAnchor(passage.text, item);
      if (at < 0) throw new Error(`${passage.id}: anchor ${JSON.stringify(item.text)} not found (run validate.mjs)`);
      return { ...item, start: passage.start + at, end: passage.start + at + item.text.length };
    });
  }

  /** Tool items that start inside the passage. */
  function toolItems(passage, kind) {
    return extractions.get(passage.file)[kind].filter((item) => item.offset >= passage.start && item.offset < passage.end);
  }

  /** One-to-one matching by overlapping spans, in document order (greedy on the largest overlap). */
  function match(gold, tool) {
    const pairs = [];
    const used = new Set();
    for (const g of gold) {
      let best = null;
      let bestOverlap = 0;
      for (const t of tool) {
        if (used.has(t)) continue;
        const overlap = Math.min(g.end, t.endOffset) - Math.max(g.start, t.offset);
        if (overlap > bestOverlap) [best, bestOverlap] = [t, overlap];
      }
      if (best) {
        used.add(best);
        pairs.push([g, best]);
      }
    }
    return { pairs, unmatchedGold: gold.filter((g) => !pairs.some(([pg]) => pg === g)), unmatchedTool: tool.filter((t) => !used.has(t)) };
  }

  const counts = {};
  const count = (field, key, n = 1) => {
    counts[field] ??= { tp: 0, fp: 0, fn: 0, right: 0, total: 0, empty: 0 };
    counts[field][key] += n;
  };
  const misses = [];
  const miss = (passage, field, text) => misses.push(`${passage.id} ${field}: ${text}`);

  const sameValue = (g, t) => Math.abs(g.value - t.value) < 1e-6 * Math.max(1, Math.abs(g.value)) && (g.max ?? null) === (t.max ?? null);

  function subjectRight(g, t) {
    const tool = simple(t.subject);
    if (!tool) return false;
    return [g.subject, ...(g.subjects ?? [])].some((s) => {
      const gold = simple(s);
      return gold && (tool.includes(gold) || (gold.includes(tool) && tool.length >= Math.min(2, gold.length)));
    });
  }

  for (const passage of passages) {
    // Figures: value + unit scored on every figure; subject, qualifier, modality, relation on the matched ones.
    const gold = placeGold(passage, passage.gold.figures);
    const optional = gold.filter((g) => g.optional);
    const { pairs, unmatchedGold, unmatchedTool } = match(gold, toolItems(passage, 'figures'));
    for (const [g, t] of pairs) {
      if (g.optional) continue;
      if (sameValue(g, t) && simple(g.unit) === simple(t.unit)) count('figures', 'tp');
      else {
        count('figures', 'fp');
        count('figures', 'fn');
        miss(passage, 'figures', `${g.text}: gold ${g.value}${g.max ? `-${g.max}` : ''} ${g.unit}, tool ${t.value}${t.max ? `-${t.max}` : ''} ${t.unit}`);
      }
      for (const field of ['qualifier', 'modality', 'relation']) {
        count(field, 'total');
        if (t[field] === g[field]) count(field, 'right');
        else miss(passage, field, `${g.text}: gold ${g[field]}, tool ${t[field]}`);
      }
      count('subject', 'total');
      if (!simple(t.subject)) count('subject', 'empty');
      if (subjectRight(g, t)) count('subject', 'right');
      else miss(passage, 'subject', `${g.text}: gold ${g.subject}, tool ${t.subject || '(empty)'}`);
    }
    for (const g of unmatchedGold) {
      if (g.optional) continue;
      count('figures', 'fn');
      miss(passage, 'figures', `missed ${JSON.stringify(g.text)} (${g.value} ${g.unit}, ${g.subject})`);
    }
    for (const t of unmatchedTool) {
      if (optional.some((g) => Math.min(g.end, t.endOffset) > Math.max(g.start, t.offset))) continue;
      count('figures', 'fp');
      miss(passage, 'figures', `extra ${JSON.stringify(t.text)} (${t.value} ${t.unit}, ${t.subject})`);
    }

    // Placeholders and blanks: found or not.
    for (const kind of ['placeholders', 'blanks']) {
      const result = match(placeGold(passage, passage.gold[kind]).map((g) => (kind === 'blanks' ? { ...g, start: g.end - 1 } : g)), toolItems(passage, kind));
      count(kind, 'tp', result.pairs.length);
      count(kind, 'fn', result.unmatchedGold.length);
      count(kind, 'fp', result.unmatchedTool.length);
      for (const g of result.unmatchedGold) miss(passage, kind, `missed ${JSON.stringify(g.text)}`);
      for (const t of result.unmatchedTool) miss(passage, kind, `extra ${JSON.stringify(t.text ?? t.context)}`);
    }

    // Activities: found or not, then the verb and object of the matched ones.
    const acts = match(placeGold(passage, passage.gold.activities), toolItems(passage, 'activities'));
    count('activities', 'tp', acts.pairs.length);
    count('activities', 'fn', acts.unmatchedGold.length);
    count('activities', 'fp', acts.unmatchedTool.length);
    for (const [g, t] of acts.pairs) {
      count('verb', 'total');
      if (simple(g.verb) === simple(t.verb)) count('verb', 'right');
      else miss(passage, 'verb', `${g.text}: gold ${g.verb}, tool ${t.verb}`);
      count('object', 'total');
      if (simple(t.object).includes(simple(g.object)) || (simple(t.object) && simple(g.object).includes(simple(t.object)))) count('object', 'right');
      else miss(passage, 'object', `${g.text}: gold ${g.object}, tool ${t.object}`);
    }
    for (const g of acts.unmatchedGold) miss(passage, 'activities', `missed ${JSON.stringify(g.text)}`);
    for (const t of acts.unmatchedTool) miss(passage, 'activities', `extra ${JSON.stringify(t.text)}`);
  }

  const round = (x) => Math.round(x * 1000) / 1000;
  const rows = [];
  for (const field of ['figures', 'placeholders', 'blanks', 'activities']) {
    const { tp = 0, fp = 0, fn = 0 } = counts[field] ?? {};
    const p = tp + fp ? tp / (tp + fp) : 1;
    const r = tp + fn ? tp / (tp + fn) : 1;
    rows.push({ field, gold: tp + fn, found: tp + fp, precision: round(p), recall: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0) });
  }
  for (const field of ['subject', 'qualifier', 'modality', 'relation', 'verb', 'object']) {
    const { right = 0, total = 0, empty = 0 } = counts[field] ?? {};
    rows.push({ field, of: total, accuracy: round(total ? right / total : 1), ...(field === 'subject' ? { empty } : {}) });
  }
  return { rows, misses };
}
