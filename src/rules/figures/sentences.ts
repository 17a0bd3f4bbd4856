// The figures of each sentence with the words that stand before them: what the figure rules read to
// tell a total from its parts and a level from a change. Written here, from the text, rather than
// from a figure's `subject`: the words between two figures (、女职工, ，其中, 增加到) are what decide.
import type { Figure } from '../../extract/index.js';
import type { SourceCode } from '../../source/source-code.js';

/** A figure in its sentence: the text since the previous figure (or the sentence start), and after it. */
export interface PlacedFigure {
  figure: Figure;
  /** Index among the sentence's figures. */
  index: number;
  /** Normalised text from the end of the previous figure of the sentence (or its start) to this one. */
  lead: string;
  /** The tail of `lead` after its last clause break (，；：), the words of this figure's own clause. */
  clauseLead: string;
  /** Inside brackets that open before it in its sentence and have not closed (（其中党员20人）). */
  bracketed: boolean;
  /** Offset of the innermost open bracket it stands in, -1 outside brackets. */
  bracketAt: number;
}

export interface FigureSentence {
  start: number;
  end: number;
  paragraph: number;
  text: string;
  figures: PlacedFigure[];
}

const CLAUSE_BREAK = /[，,；;：:]/;
/** A sentence holding more figures than this is a table or a list, not prose: compared in figure-rule windows only. */
const MAX_FIGURES = 200;

/** Units that count the same thing (名, 位 and 人 are people): figures compare only within one key. */
export function unitKey(unit: string): string {
  if (unit === '名' || unit === '位') return '人';
  return unit;
}

/** The figures grouped by sentence, in order; sentences without figures are left out. */
export function figureSentences(doc: SourceCode, figures: readonly Figure[]): FigureSentence[] {
  return doc.memo('figure-sentences', () => {
    const text = doc.normalized.text;
    const out: FigureSentence[] = [];
    let cursor = 0;
    for (const sentence of doc.sentences) {
      while (cursor < figures.length && figures[cursor]!.span.start < sentence.start) cursor++;
      const placed: PlacedFigure[] = [];
      let previousEnd = sentence.start;
      const open: number[] = [];
      for (let i = cursor; i < figures.length && figures[i]!.span.start < sentence.end && placed.length < MAX_FIGURES; i++) {
        const figure = figures[i]!;
        const lead = text.slice(previousEnd, figure.span.start);
        for (let k = 0; k < lead.length; k++) {
          const ch = lead[k];
          if (ch === '（' || ch === '(') open.push(previousEnd + k);
          else if (ch === '）' || ch === ')') open.pop();
        }
        let cut = -1;
        for (let k = lead.length - 1; k >= 0; k--) {
          if (CLAUSE_BREAK.test(lead[k]!)) {
            cut = k;
            break;
          }
        }
        placed.push({ figure, index: placed.length, lead, clauseLead: lead.slice(cut + 1), bracketed: open.length > 0, bracketAt: open.at(-1) ?? -1 });
        previousEnd = figure.span.end;
      }
      if (placed.length) out.push({ start: sentence.start, end: sentence.end, paragraph: sentence.paragraph, text: sentence.text, figures: placed });
    }
    return out;
  });
}

/** The numeric part of a figure as written (3.5 of 3.5万元), and the scale its value carries (10000). */
function writtenScale(figure: Figure): { scale: number; suffix: string } {
  const m = /^([\d.,]+)\s*([万亿]?)/.exec(figure.text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  if (!m?.[2]) return { scale: 1, suffix: '' };
  return m[2] === '万' ? { scale: 1e4, suffix: '万' } : { scale: 1e8, suffix: '亿' };
}

/** Rounded for showing: sums of decimals (0.1 + 0.2) print as written. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A value in the magnitude and unit the figure `like` is written in: 70000 like 5万元 → 7万元. */
export function formatLike(value: number, like: Figure): string {
  const { scale, suffix } = writtenScale(like);
  return `${round6(value / scale)}${suffix}${like.unit}`;
}
