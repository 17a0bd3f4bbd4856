// The library's public exports. Start from the facade, `new Zongjie(options)` (docs/api.md); the
// stages below it are exported for programs that build their own pipeline.
export { Zongjie, fixDiff, fixesOf, type ZongjieOptions, type ExtractFilesOptions, type DraftAnalysis, type FixedFile, type RunFailure } from './api/zongjie.js';
export { SourceCode, type SourceLocation } from './source/source-code.js';
export { loadSource, loadSourceBytes, type LoadOptions } from './source/load.js';
export { outlineTree, type OutlineNode } from './source/outline-tree.js';
export { normalize, detectScript, converter, OffsetMap, type NormalizedText, type Artifact, type Script, type Variant } from './normalize/index.js';
export { parseDocument, formatOf, LineIndex, type Document, type Section, type Paragraph, type Sentence } from './document/index.js';
export { segment, loadSegmenter, isSegmenterLoaded, type Token } from './segment/index.js';
export { extractDocument, scanNumbers, findReportYear, EXTRACT_KINDS, type Extraction, type Figure, type Placeholder, type BlankCount, type Activity, type ExtractKind } from './extract/index.js';
export { loadLexicon, type Lexicon } from './config/lexicon.js';
export { RuleFileError } from './config/errors.js';
export { readSource, decodeBytes, encodeText, collectInputs, ReadError, DecodeError, type SourceText } from './io/index.js';
export { extractionJson } from './report/extraction.js';
export { lintDocument } from './lint/engine.js';
export { loadLintConfig } from './lint/run.js';
export type { LintResult, LintMessage, LintFailure } from './lint/types.js';
export { runStats } from './batch/run.js';
export type { StatsResult, ReportStats, StatsRow, StatsWarning } from './batch/types.js';
export { explainCell, type CellExplanation, type CellRef } from './batch/explain.js';
