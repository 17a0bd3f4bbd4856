// What every command shares: input collection, per-file errors that never stop the run, exit codes.
import type { Zongjie } from '../api/zongjie.js';
import type { LoadOptions } from '../source/load.js';
import type { SourceCode } from '../source/source-code.js';
import { localizeError } from '../text/errors.js';
import { parseLocale, type ChineseScript, type Lang, type MessageData, type MessageKey } from '../text/messages.js';
import { textIn } from '../text/traditional.js';

/** Exit statuses, as in DESIGN.md: 0 fine, 1 problems found (or files failed), 2 the run failed. */
export const EXIT = { ok: 0, problems: 1, fatal: 2 } as const;

/** The status the last command action reported (main() returns it), and the language of this run. */
export const runState = { status: EXIT.ok as number, lang: 'zh' as Lang, script: undefined as ChineseScript | undefined };

/** A text of the CLI from the catalogue (src/text/messages.ts), in the language (and characters) of this run. */
export function say(key: MessageKey, data?: MessageData): string {
  return textIn(runState.lang, key, data, runState.script);
}

/** An error text of the library (English inside it) as this run shows it. */
export function sayError(text: string): string {
  return localizeError(text, runState.lang, runState.script);
}

/** The language of a run, and what was wrong with the one asked for (the message is then in `lang`). */
export interface LangChoice {
  lang: Lang;
  script?: ChineseScript;
  invalid?: { key: 'cli.langInvalid' | 'cli.localeInvalid' | 'cli.envLangInvalid'; value: string };
}

/**
 * The language of the CLI's messages: `--lang` or its alias `--locale` (read as commander reads a
 * program option: anywhere before `--`, the last one wins), else ZONGJIE_LANG (also as a locale:
 * en_US.UTF-8, zh_TW.UTF-8), else zh. zh-Hant and zh-Hans fix the characters; plain zh shows each
 * draft's messages in the draft's own. It is read from argv before commander parses, since
 * commander's errors need it too.
 */
export function chooseLang(args: readonly string[], env: NodeJS.ProcessEnv): LangChoice {
  let flag: { name: '--lang' | '--locale'; value: string } | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    for (const name of ['--lang', '--locale'] as const) {
      if (arg === name && i + 1 < args.length) flag = { name, value: args[++i]! };
      else if (arg.startsWith(`${name}=`)) flag = { name, value: arg.slice(name.length + 1) };
    }
  }
  const fromEnv = env.ZONGJIE_LANG?.trim() ?? '';
  const envLocale = fromEnv ? parseLocale(fromEnv) : null;
  if (flag !== undefined) {
    const locale = parseLocale(flag.value);
    if (locale) return locale;
    return { lang: envLocale?.lang ?? 'zh', invalid: { key: flag.name === '--lang' ? 'cli.langInvalid' : 'cli.localeInvalid', value: flag.value } };
  }
  if (fromEnv && !envLocale) return { lang: 'zh', invalid: { key: 'cli.envLangInvalid', value: fromEnv } };
  return envLocale ?? { lang: 'zh' };
}

/** Wrap a command action that resolves to an exit status (commander ignores return values). */
export function withStatus<A extends unknown[]>(action: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    runState.status = await action(...args);
  };
}

/** An error that ends the run with exit status 2 and a one-line message. */
export class UsageError extends Error {}

export interface FileFailure {
  file: string;
  error: string;
}

export function reportFailure(failure: FileFailure): void {
  process.stderr.write(`zongjie: ${sayError(failure.error.startsWith(failure.file) ? failure.error : `${failure.file}: ${failure.error}`)}\n`);
}

/**
 * Every input as a SourceCode, in order, through the facade; a file that cannot be read is reported
 * on stderr and the others go on. No input at all ends the run (exit 2).
 */
export async function forEachSource(
  args: string[],
  zongjie: Zongjie,
  each: (source: SourceCode, index: number, total: number) => void | Promise<void>,
): Promise<{ files: number; failed: FileFailure[] }> {
  if (args.length === 0) throw new UsageError(say('cli.noInput'));
  const { files, failures } = await zongjie.eachSource(args, {}, each, reportFailure);
  if (files === 0) throw new UsageError(say('cli.noInputFound', { paths: args.join(' ') }));
  return { files, failed: failures };
}

/** The options every file-reading command shares. */
export function loadOptions(opts: { encoding?: string; stdinFilename?: string }): LoadOptions {
  return {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.stdinFilename ? { stdinFilename: opts.stdinFilename } : {}),
  };
}

/** Commander collects repeatable/comma lists as strings. */
export function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
