// The lint engine: run the enabled checks over one analysed document, map every finding to the
// original file, stamp rule id, severity, message and docs url, apply in-file switches, sort.
import type { SourceCode } from '../source/source-code.js';
import { extractDocument, type Extraction, type ExtractKind } from '../extract/index.js';
import { CHECKS, formatMessage, type CheckContext, type Diagnostic, type Lang } from '../rules/index.js';
import type { Lexicon } from '../config/lexicon.js';
import type { ReferenceIndex } from '../rules/reuse/index.js';
import type { ResolvedConfig } from '../config/config.js';
import { findSuppressions, isSuppressed } from './directives.js';
import type { ChineseScript } from '../text/messages.js';
import type { LintMessage, LintResult, ReportedSeverity } from './types.js';

export interface LintOptions {
  lang?: Lang;
  /** The characters of Chinese messages; unset: the document's own (a traditional draft gets traditional messages). */
  script?: ChineseScript;
  lexicon: Lexicon;
  /** Only these rule ids (a run that asks for placeholders alone never loads the segmenter). */
  only?: ReadonlySet<string>;
  /** The document's full extraction if the caller made one already (the editors' page shows it too). */
  extraction?: Extraction;
  /** The earlier reports of `--against`, for reused-text and stale-year. */
  reference?: ReferenceIndex | null;
}

const MAX_SOURCE = 40;


/** The analysis every check shares, computed on first use and once. */
function checkContext(doc: SourceCode, lexicon: Lexicon, enabled: (id: string) => boolean, extracts: readonly ExtractKind[], made?: Extraction, reference: ReferenceIndex | null = null): CheckContext {
  let extraction: Extraction | null = made ?? null;
  return {
    doc,
    lexicon,
    enabled,
    reference,
    // Checks read few subjects (figure-consistency, on a pair of figures): each is worked out when read.
    extraction: () => (extraction ??= extractDocument(doc, { lexicon, only: extracts, lazySubjects: true })),
  };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SOURCE ? `${flat.slice(0, MAX_SOURCE - 1)}…` : flat;
}

function toMessage(doc: SourceCode, ruleId: string, severity: ReportedSeverity, template: string, docs: string, d: Diagnostic): LintMessage {
  const place = d.original ? doc.locateOriginal(d.original.start, d.original.end) : doc.locate(d.start, d.end);
  const source = d.original ? doc.original.slice(d.original.start, d.original.end) : doc.originalText(d.start, d.end);
  const message: LintMessage = {
    ruleId,
    severity,
    message: formatMessage(template, d.data),
    messageId: d.messageId,
    line: place.line,
    column: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
    offset: place.offset,
    endOffset: place.endOffset,
    source: shorten(source),
    url: docs,
  };
  if (d.related?.length) {
    message.related = d.related.map((r) => {
      // A place in another file (an earlier report) comes located, and says which file.
      const at = 'file' in r ? r.place : doc.locate(r.start, r.end);
      return {
        ...('file' in r ? { file: r.file } : {}),
        line: at.line, column: at.column, offset: at.offset, endLine: at.endLine, endColumn: at.endColumn,
        ...(r.similarity !== undefined ? { similarity: r.similarity } : {}),
      };
    });
  }
  if (d.similarity !== undefined) message.similarity = d.similarity;
  if (d.fix) message.fix = { range: [d.fix.start, d.fix.end], text: d.fix.text };
  return message;
}

/** Whether check `id` runs under `config` (and `only`). */
function isOn(config: ResolvedConfig, only: ReadonlySet<string> | undefined, id: string): boolean {
  const setting = config.checks.get(id);
  return setting !== undefined && setting.severity !== 'off' && (!only || only.has(id));
}

/** What a lint run under `config` extracts: what its enabled checks read (no check pays for activities, placeholders alone never segment). */
export function lintExtracts(config: ResolvedConfig, only?: ReadonlySet<string>): ExtractKind[] {
  return [...new Set(CHECKS.filter((c) => isOn(config, only, c.meta.id)).flatMap((c) => c.meta.extracts))];
}

export function lintDocument(doc: SourceCode, config: ResolvedConfig, options: LintOptions): LintResult {
  const lang = options.lang ?? 'zh';
  // Chinese messages in the draft's own characters, unless the run asked for one script: the
  // catalogue's traditional template, the words it quotes from the draft are the draft's already.
  const traditional = lang === 'zh' && (options.script ?? doc.normalized.script) === 'traditional';
  const enabled = (id: string) => isOn(config, options.only, id);
  const checks = CHECKS.filter((c) => enabled(c.meta.id));
  const extracts = lintExtracts(config, options.only);
  const context = checkContext(doc, options.lexicon, enabled, extracts, options.extraction, options.reference ?? null);
  const suppressions = findSuppressions(doc.original);
  const messages: LintMessage[] = [];
  for (const check of checks) {
    const { id } = check.meta;
    const setting = config.checks.get(id)!;
    const severity = setting.severity as ReportedSeverity;
    for (const d of check.check(context, setting.options as never)) {
      const template = check.meta.messages[d.messageId];
      if (!template) throw new Error(`check ${id} reported an unknown message id "${d.messageId}"`);
      const message = toMessage(doc, id, severity, traditional ? (template.zhHant ?? template.zh) : template[lang], check.meta.docs, d);
      if (!isSuppressed(suppressions, id, message.offset)) messages.push(message);
    }
  }
  messages.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
  const count = (s: ReportedSeverity) => messages.filter((m) => m.severity === s).length;
  return {
    file: doc.path,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableCount: messages.filter((m) => m.fix).length,
    messages,
  };
}
