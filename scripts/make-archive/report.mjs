// Building one report (a unit's year) as blocks: its sections chosen and borrowed, paragraphs
// shuffled, dropped and renumbered, years and figures varied, one sentence planted per indicator,
// and once per unit a planted paragraph repeated.
import { probe, varyFigures, YEAR_SLOT } from './figures.mjs';
import { AFFINITY, INDICATORS, PHRASES, plantedValue, TEMPLATES } from './indicators.mjs';
import { cnNumeral, MARKERS, markerOf, SENTENCE_END } from './outline.mjs';
import { Rng } from './rng.mjs';

function chunksOf(paras) {
  const present = paras.map((p) => markerOf(p)).filter((m) => m && m.type !== 'cn');
  if (present.length === 0) return { intro: [], chunks: paras.map((p) => [p]) };
  const top = Math.min(...present.map((m) => m.level));
  const intro = [];
  const chunks = [];
  for (const p of paras) {
    const m = markerOf(p);
    if (m && m.level === top) chunks.push([p]);
    else if (chunks.length === 0) intro.push(p);
    else chunks[chunks.length - 1].push(p);
  }
  return { intro, chunks };
}

/** Renumber paragraph-leading markers in order: 1、3、2、 after a shuffle becomes 1、2、3、. */
function renumber(paras) {
  const counters = new Map();
  return paras.map((p) => {
    const m = markerOf(p);
    if (!m || m.type === 'cn') return p;
    for (const other of MARKERS) if (other.level > m.level) counters.delete(other.type);
    const n = (counters.get(m.type) ?? 0) + 1;
    counters.set(m.type, n);
    const [, before, , after] = m.hit;
    return before + (m.cn ? cnNumeral(n) : String(n)) + after + p.slice(m.hit[0].length);
  });
}

function dropSentences(text, rng) {
  const parts = text.match(/[^。！？!?]+[。！？!?]+|[^。！？!?]+$/g);
  if (!parts || parts.length < 3) return text;
  return parts.filter((_s, i) => i === 0 || !rng.chance(0.06)).join('');
}

function shuffleSection(section, rng) {
  const { intro, chunks } = chunksOf(section.paras);
  let order = rng.shuffle(chunks);
  const maxDrop = Math.floor(order.length / 3);
  let dropped = 0;
  order = order.filter(() => {
    if (dropped < maxDrop && rng.chance(0.25)) {
      dropped++;
      return false;
    }
    return true;
  });
  const paras = [...intro];
  for (const chunk of order) {
    chunk.forEach((p, i) => {
      if (i > 0 && !markerOf(p) && rng.chance(0.12)) return;
      paras.push(p);
    });
  }
  return renumber(paras).map((p) => dropSentences(p, rng));
}

export function buildReport(unit, year, ctx) {
  const { seed, pool, years } = ctx;
  const rng = new Rng(seed, 'report', unit.name, year);
  const primary = rng.chance(0.75) ? unit.pieces[0] : unit.pieces[1];

  // Sections: the primary piece's, with a section or two borrowed from another piece of the
  // same script, and now and then one left out.
  const work = primary.sections.filter((s) => s.kind === 'work');
  const tail = primary.sections.filter((s) => s.kind !== 'work');
  const lenders = pool.filter((p) => p.script === unit.script && p !== primary);
  const borrow = rng.chance(0.5) ? (rng.chance(0.3) ? 2 : 1) : 0;
  for (let i = 0; i < borrow && lenders.length; i++) {
    const lender = rng.pick(lenders);
    const candidates = lender.sections.filter((s) => s.kind === 'work' && s.heading && !work.includes(s));
    if (candidates.length) work.splice(rng.int(0, work.length), 0, rng.pick(candidates));
  }
  if (work.length > 2 && rng.chance(0.3)) work.splice(rng.int(1, work.length - 1), 1);
  const sections = [...work, ...tail];

  // Paragraph records: { kind: 'heading' | 'para', text, section, planted: [] }.
  const blocks = [];
  const plan = (s) => s && s.kind === 'plan';
  const fix = (text, s) => varyFigures(text.replace(YEAR_SLOT, String(plan(s) ? year + 1 : year)), rng);
  const preamble = primary.preamble.filter((_p, i) => i === 0 || !rng.chance(0.3));
  for (const p of preamble) blocks.push({ kind: 'para', text: fix(dropSentences(p, rng), null), section: -1, work: true });
  let headingNo = 0;
  sections.forEach((s, si) => {
    if (s.heading) blocks.push({ kind: 'heading', text: `${cnNumeral(++headingNo)}、${fix(s.heading, s)}`, section: si });
    for (const p of shuffleSection(s, rng)) blocks.push({ kind: 'para', text: fix(p, s), section: si, work: s.kind === 'work' });
  });
  for (const p of primary.closing) blocks.push({ kind: 'para', text: fix(p, null), section: sections.length });

  // Plant one sentence per indicator, each in the paragraph that suits it best.
  const script = unit.script;
  const planted = [];
  const values = {};
  for (const ind of INDICATORS) {
    const { value, figure } = plantedValue(unit, ind, year, years, rng);
    values[ind.id] = value;
    const phrase = PHRASES[ind.id][script](script === 'traditional' ? figure.replace('万', '萬') : figure);
    let sentence = rng.pick(TEMPLATES[ind.id][script]).replace('{P}', phrase);
    const target = chooseParagraph(blocks, ind.id, rng);
    if (!target) {
      // No paragraph to take it: a paragraph of its own at the end of the work sections.
      const at = blocks.findIndex((b) => b.section >= work.length);
      blocks.splice(at < 0 ? blocks.length : at, 0, { kind: 'para', text: sentence, section: Math.max(0, work.length - 1), work: true, planted: [] });
      const block = blocks[at < 0 ? blocks.length - 1 : at];
      block.planted.push(ind.id);
      planted.push({ indicator: ind.id, value, unit: ind.unit, text: phrase, sentence, block });
      continue;
    }
    // Follow the paragraph's comma style (000 writes ASCII commas).
    const ascii = (target.text.match(/,/g) ?? []).length > (target.text.match(/，/g) ?? []).length;
    if (ascii) sentence = sentence.replace(/，/g, ',');
    const ends = [];
    for (let i = 0; i < target.text.length; i++) {
      if (SENTENCE_END.test(target.text[i]) && !SENTENCE_END.test(target.text[i + 1] ?? '') && target.text[i + 1] !== '”') ends.push(i + 1);
    }
    const at = rng.pick(ends);
    target.text = target.text.slice(0, at) + sentence + target.text.slice(at);
    target.planted = target.planted ?? [];
    target.planted.push(ind.id);
    planted.push({ indicator: ind.id, value, unit: ind.unit, text: phrase, sentence, block: target });
  }

  // Once per unit, a paragraph holding a planted figure is copied further on, as pages glued
  // from templates do; the figure in the copy must not be counted twice.
  let repeated = null;
  if (year === unit.repeatYear) {
    const holders = blocks.filter((b) => b.planted && b.planted.length > 0 && b.text.length >= 60);
    if (holders.length) {
      const original = rng.pick(holders);
      const copy = { kind: 'para', text: original.text, section: original.section, copyOf: original };
      const from = blocks.indexOf(original);
      // Right after it, or at the end of a later section (or of the report).
      let at = from + 1;
      if (rng.chance(0.6)) {
        const later = blocks.map((_b, i) => i).filter((i) => i > from + 1 && blocks[i].kind === 'heading');
        at = later.length ? rng.pick(later) : blocks.length;
      }
      blocks.splice(at, 0, copy);
      repeated = { original, copy };
    }
  }

  return { blocks, planted, values, repeated, primary, sections };
}

// A paragraph that opens with a plan (1、制定了《工作计划》…) reads as headed by it: statistics take
// its figures for targets, so a fact of the year does not go there.
const PLAN_OPENING = /计划|計畫|計劃|打算|思路|明年|下一步|工作重点|工作重點|工作要点|工作要點/;

function chooseParagraph(blocks, indicatorId, rng) {
  // Facts of the year go in the work sections, not in the problems, the plans or the closing.
  const candidates = blocks.filter((b) => b.kind === 'para' && b.work && b.text.length >= 30 && SENTENCE_END.test(b.text) && !PLAN_OPENING.test(b.text.split(/[。！？!?]/)[0]));
  if (candidates.length === 0) return null;
  const score = (b) => {
    const hits = probe(b.text).match(AFFINITY[indicatorId]);
    return (hits ? hits.length : 0) - (b.planted ? 2 * b.planted.length : 0) + rng.next() * 0.5;
  };
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const b of candidates) {
    const s = score(b);
    if (s > bestScore) {
      best = b;
      bestScore = s;
    }
  }
  return best;
}
