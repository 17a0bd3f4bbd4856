// `zongjie check --format sarif`: a SARIF 2.1.0 log (GitHub code scanning, IDE viewers), one run.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { LintFailure, LintMessage, LintResult, ReportedSeverity } from '../lint/types.js';
import type { LintFormatOptions } from './lint-stream.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const ZONGJIE_HOME = 'https://www.npmjs.com/package/zongjie';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<ReportedSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** `file` relative to `cwd` with forward slashes, or null when it lies outside `cwd`. */
export function relativePosixPath(file: string, cwd: string): string | null {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/** Relative (percent-encoded, against %SRCROOT%) when inside `cwd`, an absolute file URI otherwise. */
function artifactLocation(file: string, cwd: string): ArtifactLocation {
  const rel = relativePosixPath(file, cwd);
  if (rel === null) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** Docs pages are paths in the package; SARIF wants an absolute URI, so point at the published package. */
function helpUri(url: string, version: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return `https://unpkg.com/zongjie@${version}/${url.replace(/^\.?\//, '')}`;
}

function relatedText(similarity: number | undefined, lang: 'zh' | 'en'): string {
  if (lang === 'en') return similarity === undefined ? 'earlier copy' : `earlier copy, similarity ${similarity.toFixed(2)}`;
  return similarity === undefined ? '前文副本' : `前文副本，相似度 ${similarity.toFixed(2)}`;
}

function resultOf(m: LintMessage, r: LintResult, ruleIndex: number, options: LintFormatOptions): Result {
  const artifact = artifactLocation(r.file, options.cwd);
  // Paragraph positions (.docx) are not places in the file's bytes: no character offsets for them.
  const byParagraph = r.positions === 'paragraph';
  const properties = byParagraph ? { properties: { positions: 'paragraph' } } : {};
  const location: Location = {
    physicalLocation: {
      artifactLocation: artifact,
      region: {
        startLine: m.line,
        startColumn: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(byParagraph ? {} : { charOffset: m.offset, charLength: Math.max(0, m.endOffset - m.offset) }),
      },
    },
    ...properties,
  };
  const result: Result = {
    ruleId: m.ruleId,
    ruleIndex,
    level: LEVEL[m.severity],
    message: { text: m.message },
    locations: [location],
  };
  if (m.related?.length) {
    result.relatedLocations = m.related.map((rel, i) => ({
      id: i + 1,
      physicalLocation: {
        // The other place may be in an earlier report (reused-text): its own file.
        artifactLocation: rel.file ? artifactLocation(rel.file, options.cwd) : artifact,
        region: {
          startLine: rel.line,
          startColumn: rel.column,
          endLine: rel.endLine,
          endColumn: rel.endColumn,
          ...(byParagraph ? {} : { charOffset: rel.offset }),
        },
      },
      message: { text: relatedText(rel.similarity ?? m.similarity, options.lang) },
      ...properties,
    }));
  }
  const extra: Record<string, unknown> = {};
  if (m.source) extra.source = m.source;
  if (m.similarity !== undefined) extra.similarity = m.similarity;
  if (Object.keys(extra).length) result.properties = extra;
  if (m.fix && !byParagraph) {
    // SARIF fixes replace regions of the artifact; ours are offsets of the decoded text, like charOffset.
    result.fixes = [
      {
        artifactChanges: [
          {
            artifactLocation: artifact,
            replacements: [
              {
                deletedRegion: { charOffset: m.fix.range[0], charLength: m.fix.range[1] - m.fix.range[0] },
                insertedContent: { text: m.fix.text },
              },
            ],
          },
        ],
      },
    ];
  }
  return result;
}

export function formatSarif(results: LintResult[], failures: LintFailure[], options: LintFormatOptions): string {
  const rules: ReportingDescriptor[] = options.rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: helpUri(rule.url, options.version),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  // A rule reported but not listed (a project's own rule file) still gets an entry, so ruleIndex is valid.
  const ruleIndexOf = (m: LintMessage): number => {
    let i = index.get(m.ruleId);
    if (i === undefined) {
      i = rules.length;
      rules.push({ id: m.ruleId, shortDescription: { text: m.ruleId }, ...(m.url ? { helpUri: helpUri(m.url, options.version) } : {}) });
      index.set(m.ruleId, i);
    }
    return i;
  };
  const sarifResults = results.flatMap((r) => r.messages.map((m) => resultOf(m, r, ruleIndexOf(m), options)));
  const notifications: Notification[] = failures.map((f) => ({
    level: 'error',
    message: { text: `${f.file}: ${f.error}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, options.cwd) } }],
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'zongjie', informationUri: ZONGJIE_HOME, version: options.version, rules } },
        invocations: [
          { executionSuccessful: failures.length === 0, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
