// --cache: lint results kept by content hash, zongjie version and effective config, so re-checking
// an unchanged archive reads each file but analyses none. A changed rule file changes the config
// hash and so misses. The cache file is written atomically (a temporary file beside it, renamed).
// A cache is a convenience, never a reason for a run to fail: one that cannot be read (a folder, a
// damaged file), an entry of the wrong shape, or a place it cannot be written is a warning, and the
// run goes on without it. Temporary files a killed run left are removed by the next one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError } from '../io/index.js';
import type { LintResult } from './types.js';

export const DEFAULT_CACHE_LOCATION = '.zongjiecache';

/** Why the cache was left aside: read it (`ignored`) or save it (`notSaved`), and what was wrong. */
export interface CacheWarning {
  kind: 'ignored' | 'notSaved';
  reason: string;
}

type Entry = Omit<LintResult, 'file'>;

interface CacheFile {
  salt: string;
  entries: Record<string, Entry>;
}

const SEVERITIES = new Set(['info', 'warning', 'error']);
const NUMBER_FIELDS = ['line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset'] as const;
const STRING_FIELDS = ['ruleId', 'message', 'messageId', 'source', 'url'] as const;

/** An entry as this version writes it: every formatter reads these fields, so a cache must not supply others. */
function isEntry(value: unknown): value is Entry {
  if (!value || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  if (!['errorCount', 'warningCount', 'infoCount', 'fixableCount'].every((k) => Number.isInteger(entry[k]))) return false;
  if (!Array.isArray(entry.messages)) return false;
  return entry.messages.every((m: unknown) => {
    if (!m || typeof m !== 'object') return false;
    const message = m as Record<string, unknown>;
    return SEVERITIES.has(message.severity as string)
      && NUMBER_FIELDS.every((k) => Number.isFinite(message[k]))
      && STRING_FIELDS.every((k) => typeof message[k] === 'string')
      && (message.related === undefined || Array.isArray(message.related));
  });
}

/** The temporary files of this cache: `<name>.<pid>.tmp`, as save() names them. */
function temporaryName(location: string): RegExp {
  return new RegExp(`^${basename(location).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.tmp$`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LintCache {
  private entries: Record<string, Entry> = {};
  private readonly used = new Set<string>();
  private dirty = false;
  /** What went wrong with the cache in this run (the CLI prints them as warnings). */
  readonly warnings: CacheWarning[] = [];
  private malformed = false;

  /** `salt`: version, config hash and output options — anything that changes a result. */
  constructor(readonly location: string, private readonly salt: string) {
    this.removeLeftovers();
    let text: string;
    try {
      if (statSync(location).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      text = readFileSync(location, 'utf8');
    } catch (error) {
      this.dirty = true;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.warn('ignored', describeFsError(error)); // missing: the first run
      return;
    }
    try {
      const data = JSON.parse(text) as CacheFile;
      if (data && data.salt === salt && data.entries && typeof data.entries === 'object' && !Array.isArray(data.entries)) this.entries = data.entries;
      else this.dirty = true; // another version or config: start afresh, silently
    } catch {
      this.dirty = true;
      this.warn('ignored', 'not a zongjie cache (damaged JSON)');
    }
  }

  private warn(kind: CacheWarning['kind'], reason: string): void {
    this.warnings.push({ kind, reason });
  }

  /** Temporary files of runs that were killed before renaming them (their process is gone). */
  private removeLeftovers(): void {
    const dir = dirname(this.location);
    const pattern = temporaryName(this.location);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const match = pattern.exec(name);
      if (!match || alive(Number(match[1]))) continue;
      try {
        unlinkSync(join(dir, name));
      } catch {
        // another run removed it, or it is not ours to remove
      }
    }
  }

  static key(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  get(file: string, key: string): LintResult | undefined {
    if (!Object.hasOwn(this.entries, key)) return undefined;
    const hit = this.entries[key];
    if (!isEntry(hit)) {
      // A damaged entry is a miss: the file is checked afresh and its entry replaced.
      delete this.entries[key];
      this.dirty = true;
      if (!this.malformed) this.warn('ignored', 'entries of the wrong shape');
      this.malformed = true;
      return undefined;
    }
    this.used.add(key);
    return { file, ...structuredClone(hit) };
  }

  set(key: string, result: LintResult): void {
    const { file: _file, ...rest } = result;
    this.entries[key] = rest;
    this.used.add(key);
    this.dirty = true;
  }

  /** Keep the entries of this run's files only, so the cache never outgrows the archive. A failure is a warning. */
  save(): void {
    const kept = Object.fromEntries(Object.entries(this.entries).filter(([key]) => this.used.has(key)));
    if (!this.dirty && Object.keys(kept).length === Object.keys(this.entries).length) return;
    const temp = `${this.location}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify({ salt: this.salt, entries: kept } satisfies CacheFile));
      renameSync(temp, this.location);
    } catch (error) {
      rmSync(temp, { force: true });
      this.warn('notSaved', describeFsError(error));
    }
  }
}
