// The library API: what the CLI and the server use, and what other programs may import.
export { loadDocument, type LoadOptions, type LoadedDocument } from './analyse.js';
export { normalize, detectScript, converter, OffsetMap, type NormalizedText, type Artifact, type Script, type Variant } from './normalize/index.js';
export { parseDocument, formatOf, locate, originalText, sectionAt, LineIndex, type Document, type Section, type Paragraph, type Sentence, type Location } from './document/index.js';
export { segment, segmentDocument, loadSegmenter, isSegmenterLoaded, type Token } from './segment/index.js';
export { extractDocument, prefetchWords, scanNumbers, findReportYear, EXTRACT_KINDS, type Extraction, type Figure, type Placeholder, type BlankCount, type Activity, type ExtractKind } from './extract/index.js';
export { loadLexicon, type Lexicon } from './config/lexicon.js';
export { RuleFileError } from './config/errors.js';
export { readSource, decodeBytes, encodeText, collectInputs, ReadError, DecodeError, type SourceText } from './io/index.js';
export { extractionJson } from './report/extraction.js';
export { analyseDraft, type DraftAnalysis, type DraftOptions } from './draft.js';
export { loadDocumentBytes, inBatches, BATCH } from './analyse.js';
export { outlineTree, type OutlineNode } from './document/index.js';
export { lintDocument } from './lint/engine.js';
export { lintPaths, lintStaged, loadLintConfig } from './lint/run.js';
export type { LintResult, LintMessage } from './lint/types.js';
export { runStats } from './batch/run.js';
export type { StatsResult, ReportStats } from './batch/types.js';
