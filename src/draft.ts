// One draft analysed for an editor in one call: the lint result, the extraction and the outline,
// sharing one Document (and so one normalisation and one segmentation). The editors' page uses it.
import { loadDocumentBytes, type LoadOptions, type LoadedDocument } from './analyse.js';
import { outlineTree, type OutlineNode } from './document/index.js';
import { extractDocument, type Extraction } from './extract/index.js';
import type { Lang } from './rules/index.js';
import { lintDocument } from './lint/engine.js';
import { loadLintConfig } from './lint/run.js';
import type { LintResult } from './lint/types.js';
import type { ResolvedConfig } from './config/config.js';
import { loadLexicon } from './config/lexicon.js';

export interface DraftAnalysis {
  doc: LoadedDocument;
  lint: LintResult;
  extraction: Extraction;
  outline: OutlineNode[];
}

export interface DraftOptions extends LoadOptions {
  config?: ResolvedConfig;
  lang?: Lang;
}

export async function analyseDraft(name: string, bytes: Uint8Array, options: DraftOptions = {}): Promise<DraftAnalysis> {
  // Text or a Word document (.docx), like any input of the CLI.
  const doc = await loadDocumentBytes(name, bytes, options);
  const lexicon = loadLexicon();
  const config = options.config ?? loadLintConfig({ preset: 'recommended' });
  const extraction = extractDocument(doc, { lexicon });
  return {
    doc,
    lint: lintDocument(doc, config, { lexicon, extraction, ...(options.lang ? { lang: options.lang } : {}) }),
    extraction,
    outline: outlineTree(doc),
  };
}
