// A whole lint run over many inputs, for the CLI and the library: configuration once, each file
// read, analysed and checked in turn; a file that cannot be read is a failure and the run goes on.
import { collectInputs } from '../io/index.js';
import { loadDocument, type LoadOptions, type LoadedDocument } from '../analyse.js';
import { checkRegistry, type Lang } from '../checks/index.js';
import { loadLexicon } from '../rules/lexicon.js';
import { resolveConfig, type ConfigRequest, type ResolvedConfig } from '../rules/config.js';
import { lintDocument } from './engine.js';
import type { LintFailure, LintResult } from './types.js';

export interface LintRunOptions extends LoadOptions, ConfigRequest {
  lang?: Lang;
  /** Report errors only. */
  quiet?: boolean;
}

export interface LintRun {
  config: ResolvedConfig;
  results: LintResult[];
  failures: LintFailure[];
  files: number;
}

export function loadLintConfig(options: ConfigRequest): ResolvedConfig {
  return resolveConfig(options, checkRegistry());
}

export async function lintPaths(
  paths: string[],
  options: LintRunOptions,
  each?: (result: LintResult, doc: LoadedDocument) => void | Promise<void>,
): Promise<LintRun> {
  const config = loadLintConfig(options);
  const lexicon = loadLexicon();
  const { files, errors } = await collectInputs(paths, { ignore: config.ignore, ...(options.cwd ? { cwd: options.cwd } : {}) });
  const failures: LintFailure[] = [...errors];
  const results: LintResult[] = [];
  for (const file of files) {
    let doc: LoadedDocument;
    try {
      doc = await loadDocument(file, options);
    } catch (error) {
      failures.push({ file, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    let result = lintDocument(doc, config, { lexicon, ...(options.lang ? { lang: options.lang } : {}) });
    if (options.quiet) result = quietResult(result);
    results.push(result);
    await each?.(result, doc);
  }
  return { config, results, failures, files: files.length };
}

/** Errors only (--quiet). */
export function quietResult(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 'error');
  return { ...result, messages, warningCount: 0, infoCount: 0, fixableCount: messages.filter((m) => m.fix).length };
}
