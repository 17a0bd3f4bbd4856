// The cuts a batch of documents' extraction will ask for, planned on the characters by each
// extractor's own …WordNeeds and made together before any extractor runs (segment/cut-store.ts
// says why). The facade's runs hand documents in batches.
import { loadLexicon, type Lexicon } from '../config/lexicon.js';
import type { CutRequest } from '../segment/cut-store.js';
import type { SourceCode } from '../source/source-code.js';
import { activityWordNeeds } from './activities.js';
import { blankWordNeeds } from './blanks.js';
import { paragraphClauses } from './context.js';
import { figureWordNeeds } from './figures.js';
import { EXTRACT_KINDS, type ExtractKind } from './types.js';

export interface PrefetchOptions {
  lexicon?: Lexicon;
  only?: readonly ExtractKind[];
  /** Whether every figure's subject will be read (extract: yes; check reads a few, cut when read). */
  subjects?: boolean;
  /** Other clauses [start, end) of a document to cut with the batch, plain (a lint run's checks' wordNeeds). */
  alsoCut?: (doc: SourceCode, need: (start: number, end: number) => void) => void;
}

/**
 * Cut now, in one run, the clauses that extractDocument(doc, { only }) will want words of, for
 * every document of `docs` (a batch: a few hundred documents or a few MB of text, which stay in
 * memory until extracted). The extraction is the same with or without this; it is faster after it.
 */
export function prefetchWords(docs: readonly SourceCode[], options: PrefetchOptions = {}): void {
  const only = new Set(options.only ?? EXTRACT_KINDS);
  // Placeholders alone never segment.
  const extracting = only.has('figures') || only.has('activities') || only.has('blanks');
  if (!extracting && !options.alsoCut) return;
  const lexicon = options.lexicon ?? loadLexicon();
  try {
    for (const doc of docs) doc.cutAhead(planCuts(doc, lexicon, extracting ? only : null, options.subjects ?? true, options.alsoCut));
  } catch {
    // Only a head start: extraction cuts whatever is missing itself, and meets (and reports, file
    // by file) whatever failed here, a segmenter that cannot load among them.
  }
}

/**
 * The clauses of `doc` that extraction (of `only`, none if null) and `alsoCut` will cut, each once:
 * plain, tagged, or plain and then tagged if a word calls for it.
 */
function planCuts(doc: SourceCode, lexicon: Lexicon, only: ReadonlySet<ExtractKind> | null, subjects: boolean, alsoCut?: PrefetchOptions['alsoCut']): CutRequest[] {
  const requests = new Map<number, CutRequest>();
  alsoCut?.(doc, (start, end) => {
    if (end <= start || requests.has(2 * start)) return;
    requests.set(2 * start, { start, end });
  });
  if (only) for (const p of doc.paragraphs) {
    const index = paragraphClauses(p);
    const add = (at: number, pos: boolean, tagIfAny?: ReadonlySet<string>) => {
      const start = index.start(at);
      const end = index.end(at);
      if (end <= start) return;
      const key = 2 * (p.start + start) + (pos ? 1 : 0);
      const known = requests.get(key);
      if (!known) requests.set(key, { start: p.start + start, end: p.start + end, ...(pos ? { pos } : {}), ...(tagIfAny ? { tagIfAny } : {}) });
      else if (tagIfAny) known.tagIfAny = tagIfAny;
    };
    figureWordNeeds(p, lexicon, add, subjects);
    if (only.has('blanks')) blankWordNeeds(p, lexicon, (at, tagIfAny) => add(at, false, tagIfAny));
    if (only.has('activities')) {
      activityWordNeeds(p, lexicon, (start, end) => {
        // The clauses (by CLAUSE_BREAK) within an activity's clause, as ParagraphWords.plainRange cuts them.
        for (let at = start; at < end; at = index.end(at) + 1) if (index.end(at) > at) add(at, false);
      });
    }
  }
  return [...requests.values()];
}
