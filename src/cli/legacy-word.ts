// Old word-processor files (Word 97–2003 .doc, WPS Writer .wps) cannot be read: only .docx can. A
// folder walk passes them over, so a folder of them alone would be a silent pass: this says which
// were passed over and how to convert them, and ends a run that read nothing else (exit 2).
import { statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { LEGACY_WORD_EXTENSIONS } from '../io/docx.js';
import { collectInputs } from '../io/index.js';
import { EXIT, UsageError, say } from './shared.js';

/** The .doc and .wps files in the folders among `paths` (as a walk would meet them), in walk order. */
async function legacyWordFilesIn(paths: readonly string[], options: { cwd?: string; ignore?: string[] } = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const folders = paths.filter((path) => path !== '-' && isFolder(resolve(cwd, path)));
  if (folders.length === 0) return [];
  const { files } = await collectInputs(folders, { extensions: [...LEGACY_WORD_EXTENSIONS], cwd, ...(options.ignore ? { ignore: options.ignore } : {}) });
  return files;
}

/** Whether a file is, by its name, one of the old formats (named on the command line, it failed to read). */
function isLegacyWordName(path: string): boolean {
  return LEGACY_WORD_EXTENSIONS.includes(extname(path).toLowerCase());
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A path as one shell word: quoted unless it is plain. */
function shellWord(path: string): string {
  return /^[\p{L}\p{N}_./-]+$/u.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The files, a few by name, and the LibreOffice command that converts those of the first folder. */
function describe(files: readonly string[]): { n: number; files: string; command: string; more: string } {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ` … (${files.length})` : '');
  const folder = dirname(files[0]!);
  const inFolder = files.filter((file) => dirname(file) === folder);
  const kinds = [...new Set(inFolder.map((file) => extname(file).toLowerCase()))].sort();
  const globs = kinds.map((kind) => `${folder === '.' ? '' : `${shellWord(folder)}/`}*${kind}`);
  const command = `soffice --headless --convert-to docx --outdir ${shellWord(folder)} ${inFolder.length === 1 ? shellWord(inFolder[0]!) : globs.join(' ')}`;
  return { n: files.length, files: shown, command, more: inFolder.length < files.length ? say('cli.legacyWordMore') : '' };
}

/** The old Word/WPS files of a run: those a walk passed over, and those named that failed to read. */
export interface LegacyWord {
  /** Met in a folder walk and not read. */
  passedOver: string[];
  /** All of them, named or walked. */
  unread: string[];
  /** Nothing was read, and nothing failed but old Word/WPS files and paths that do not exist. */
  nothingElse: boolean;
}

/** What a run over `paths` (which read `read` files and had `failures`) left unread of the old formats. */
export async function legacyWordOf(paths: readonly string[], run: { read: number; failures: readonly { file: string; error: string }[] }, options: { ignore?: string[] } = {}): Promise<LegacyWord> {
  const passedOver = await legacyWordFilesIn(paths, options);
  const named = run.failures.filter((f) => isLegacyWordName(f.file)).map((f) => f.file);
  const nothingElse = run.read === 0 && run.failures.every((f) => isLegacyWordName(f.file) || /no such file|no files match/.test(f.error));
  return { passedOver, unread: [...named, ...passedOver], nothingElse };
}

/** The error that ends a run whose only inputs were old Word/WPS files (exit 2). */
export function legacyWordOnly(files: readonly string[]): UsageError {
  return new UsageError(say('cli.legacyWordNone', describe(files)));
}

/**
 * After a run has written its output: exit 2 when it read nothing but old Word/WPS files (said on
 * stderr), else null, having said which of them a walk passed over.
 */
export function legacyWordStatus(legacy: LegacyWord): number | null {
  if (legacy.nothingElse && legacy.unread.length > 0) {
    process.stderr.write(`zongjie: ${legacyWordOnly(legacy.unread).message}\n`);
    return EXIT.fatal;
  }
  if (legacy.passedOver.length) process.stderr.write(`zongjie: ${say('cli.legacyWordSkipped', describe(legacy.passedOver))}\n`);
  return null;
}
