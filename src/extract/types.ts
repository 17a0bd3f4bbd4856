// The extraction's output items: the contract of DESIGN.md ("Output contracts"), plus extras.
import type { SourceLocation } from '../source/source-code.js';
import type { Modality, Relation } from './modality.js';

export type { Modality, Relation } from './modality.js';

export type Qualifier = 'exact' | 'about' | 'at_least' | 'at_most' | 'more_than';

/** Where an item is in the ORIGINAL file: the one location type, made by SourceCode.locate. */
export type Place = SourceLocation;

export interface Figure extends Place {
  value: number;
  /** Upper end of a range (2-3次, 6000—10000元). */
  max?: number;
  unit: string;
  subject: string;
  qualifier: Qualifier;
  /** Marked as a total (共, 累计, 合计, 全年): it wins over parts when statistics combine figures. */
  total: boolean;
  /** actual (done in the report's period), target (planned, aimed at) or comparison (another period). */
  modality: Modality;
  /** level (a quantity) or change (增加5人, 下降3%): a change is never summed as a level. */
  relation: Relation;
  /** The figure as written in the original file. */
  text: string;
  section: string;
  /** Normalised offsets, for later stages (not part of the JSON contract). */
  span: { start: number; end: number };
}

export interface Placeholder extends Place {
  text: string;
  kind: string;
  span: { start: number; end: number };
}

export interface BlankCount extends Place {
  unit: string;
  /** The original words around the missing number, ending with the unit. */
  context: string;
  span: { start: number; end: number };
}

export interface Activity extends Place {
  verb: string;
  object: string;
  category: string;
  count?: number;
  participants?: number;
  text: string;
  section: string;
  span: { start: number; end: number };
}

export interface Extraction {
  file: string;
  year: number | null;
  script: 'simplified' | 'traditional';
  figures: Figure[];
  placeholders: Placeholder[];
  blanks: BlankCount[];
  activities: Activity[];
}

/** What extractDocument can extract; `only` picks among them. */
export const EXTRACT_KINDS = ['figures', 'placeholders', 'blanks', 'activities'] as const;
export type ExtractKind = (typeof EXTRACT_KINDS)[number];
