// The library API: what the CLI and the server use, and what other programs may import.
export { loadDocument, type LoadOptions, type LoadedDocument } from './analyse.js';
export { normalize, detectScript, converter, OffsetMap, type NormalizedText, type Artifact, type Script, type Variant } from './normalize/index.js';
export { parseDocument, formatOf, locate, originalText, sectionAt, LineIndex, type Document, type Section, type Paragraph, type Sentence, type Location } from './document/index.js';
export { segment, segmentDocument, loadSegmenter, isSegmenterLoaded, type Token } from './segment/index.js';
export { extractDocument, scanNumbers, findReportYear, EXTRACT_KINDS, type Extraction, type Figure, type Placeholder, type BlankCount, type Activity, type ExtractKind } from './extract/index.js';
export { loadLexicon, type Lexicon } from './rules/lexicon.js';
export { RuleFileError } from './rules/errors.js';
export { readSource, decodeBytes, encodeText, collectInputs, ReadError, DecodeError, type SourceText } from './io/index.js';
export { extractionJson } from './report/extraction.js';
