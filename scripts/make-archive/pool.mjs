// The pool of pieces, built once per run from the seed reports: parsed, duplicates across pieces
// removed, the indicators' own figures taken out, empty sub-headings dropped, short pieces left out.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './command-line.mjs';
import { probe, removeIndicatorFigures } from './figures.mjs';
import { markerOf, stripMarker } from './outline.mjs';
import { parseSource, SOURCES } from './sources.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS_DIR = path.join(ROOT, 'corpus');

/** A key for finding the same paragraph again in another piece (placeholders, numbers and
 * markers aside). */
function paraKey(text) {
  return probe(stripMarker(text))
    .replace(/20[0-9xX_]{2}|__+|[xX]{2,}|~|\d+/g, '')
    .replace(/[\s\u3000,，。、;；:：()（）“”"']/g, '');
}

/** A sub-heading ((一)、組織建設, 1、現況解到): a marker and a few words, no sentence. */
function isSubheading(text) {
  const m = markerOf(text);
  return Boolean(m) && text.length - m.hit[0].length <= 20 && !/[。！？!?；;,，]/.test(text.slice(m.hit[0].length, -1));
}

/** Sub-headings whose text went to another piece (as a duplicate) or was removed: drop those
 * followed by nothing, or by a sub-heading of the same or a higher level. */
function dropEmptyHeadings(paras) {
  const out = [];
  for (let i = paras.length - 1; i >= 0; i--) {
    const p = paras[i];
    if (isSubheading(p)) {
      const next = out[0];
      const level = markerOf(p).level;
      if (next === undefined || (isSubheading(next) && markerOf(next).level <= level)) continue;
    }
    out.unshift(p);
  }
  return out;
}

export function buildPool() {
  const pieces = [];
  for (const src of SOURCES) {
    const file = path.join(CORPUS_DIR, src.file);
    if (!fs.existsSync(file)) throw new UsageError(`corpus file missing: ${path.relative(ROOT, file)}`, 1);
    pieces.push(...parseSource(src, fs.readFileSync(file, 'utf8')));
  }
  const seen = [];
  const isSeen = (key) => {
    if (key.length < 8) return false;
    for (const k of seen) {
      if (k === key) return true;
      if (key.length >= 20 && k.length >= 20 && (k.includes(key) || key.includes(k))) return true;
    }
    return false;
  };
  const clean = (paras, keepHeadingOnly) => {
    const out = [];
    for (const p of paras) {
      const key = paraKey(p);
      if (isSeen(key)) continue;
      seen.push(key);
      const text = removeIndicatorFigures(p);
      const body = stripMarker(text).replace(/[\s。,，;；]/g, '');
      if (body.length < 4) continue;
      // Only a heading sentence left of a long paragraph: keep it only if it reads as one.
      if (!keepHeadingOnly && text.length < 12 && !markerOf(text)) continue;
      out.push(text);
    }
    return out;
  };
  const pool = [];
  for (const piece of pieces) {
    const preamble = clean(piece.preamble, false);
    const sections = [];
    for (const s of piece.sections) {
      const paras = dropEmptyHeadings(clean(s.paras, true));
      if (paras.length > 0) sections.push({ ...s, paras });
    }
    const closing = clean(piece.closing, false);
    sections.sort((a, b) => (a.kind === 'advice') - (b.kind === 'advice'));
    const chars = [...preamble, ...closing, ...sections.flatMap((s) => s.paras)].join('').length;
    if (chars < 400) continue;
    pool.push({ ...piece, preamble, sections, closing, chars });
  }
  return pool;
}
