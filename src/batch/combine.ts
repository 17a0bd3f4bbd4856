// One report's figures of an indicator combined into one value per modality (actual, target,
// comparison), and for each figure whether it is part of that value and, when not, why: an analyst
// must be able to add up the counted figures of a cell and get the cell.
import type { Figure, Modality } from '../extract/index.js';
import type { IndicatorDef } from './indicators.js';
import type { NotCounted, ReportIndicator } from './types.js';
import { round2 } from './units.js';

export interface CombineEntry {
  figure: Figure;
  indicator: IndicatorDef;
  /** In a passage the report repeats: listed, never counted again. */
  duplicate: boolean;
  /** The figure's value in the indicator's unit (公顷 counted in 亩); the figure's own value when not given. */
  value?: number;
}

export interface Combined {
  /** Indicators in order of first figure, one per indicator and modality. */
  indicators: ReportIndicator[];
  /** Per entry: part of its indicator's value. */
  counted: boolean[];
  /** Per entry not counted: why. */
  notes: (NotCounted | undefined)[];
}

const modalityOf = (f: Figure): Modality => f.modality ?? 'actual';

/**
 * A later copy of a repeated passage is left out; a change (增加5人) is never a level; then per
 * indicator and modality a total (共, 累计, 全年 …) wins, the largest if several; otherwise the distinct
 * figures are summed (the same value and text counted once, as when a summary sentence restates a
 * figure, unless their subjects differ: 产生1名劳动模范、1名劳模工匠 are two people).
 */
export function combineFigures(entries: readonly CombineEntry[]): Combined {
  const counted = entries.map(() => false);
  const notes: (NotCounted | undefined)[] = entries.map(() => undefined);
  const groups = new Map<string, { indicator: IndicatorDef; modality: Modality; members: number[] }>();
  entries.forEach((entry, i) => {
    if (entry.duplicate) notes[i] = 'copy';
    else if (entry.figure.relation === 'change') notes[i] = 'change';
    if (notes[i]) return;
    const modality = modalityOf(entry.figure);
    const key = `${entry.indicator.id}\u0000${modality}`;
    const group = groups.get(key) ?? { indicator: entry.indicator, modality, members: [] };
    group.members.push(i);
    groups.set(key, group);
  });
  const amount = (i: number) => entries[i]!.value ?? entries[i]!.figure.value;
  const indicators: ReportIndicator[] = [];
  for (const { indicator, modality, members } of groups.values()) {
    const tag = modality === 'actual' ? {} : { modality };
    const totals = members.filter((i) => entries[i]!.figure.total);
    if (totals.length > 0) {
      const winner = totals.reduce((best, i) => (amount(i) > amount(best) ? i : best));
      counted[winner] = true;
      for (const i of members) if (i !== winner) notes[i] = 'total';
      indicators.push({ id: indicator.id, unit: indicator.unit, value: round2(amount(winner)), figures: 1, fromTotal: true, ...tag });
      continue;
    }
    const distinct: number[] = [];
    for (const i of members) {
      const f = entries[i]!.figure;
      const same = distinct.some((k) => {
        const d = entries[k]!.figure;
        return amount(k) === amount(i) && d.text.trim() === f.text.trim() && (d.subject === f.subject || d.subject === '' || f.subject === '');
      });
      if (same) notes[i] = 'restated';
      else {
        distinct.push(i);
        counted[i] = true;
      }
    }
    const sum = distinct.reduce((a, i) => a + amount(i), 0);
    indicators.push({ id: indicator.id, unit: indicator.unit, value: round2(sum), figures: distinct.length, fromTotal: false, ...tag });
  }
  return { indicators, counted, notes };
}

/** One report's value per indicator (and modality other than actual), in order of first figure. */
export function combineReport(entries: readonly CombineEntry[]): ReportIndicator[] {
  return combineFigures(entries).indicators;
}
