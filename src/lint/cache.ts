// --cache: lint results kept by content hash, zongjie version and effective config, so re-checking
// an unchanged archive reads each file but analyses none. A changed rule file changes the config
// hash and so misses. The cache file is written atomically; a damaged one is ignored.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { LintResult } from './types.js';

export const DEFAULT_CACHE_LOCATION = '.zongjiecache';

interface CacheFile {
  salt: string;
  entries: Record<string, Omit<LintResult, 'file'>>;
}

export class LintCache {
  private entries: Record<string, Omit<LintResult, 'file'>> = {};
  private readonly used = new Set<string>();
  private dirty = false;

  /** `salt`: version, config hash and output options — anything that changes a result. */
  constructor(readonly location: string, private readonly salt: string) {
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (data.salt === salt && data.entries && typeof data.entries === 'object') this.entries = data.entries;
      else this.dirty = true;
    } catch {
      this.dirty = true; // missing or damaged: start afresh
    }
  }

  static key(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  get(file: string, key: string): LintResult | undefined {
    const hit = this.entries[key];
    if (!hit) return undefined;
    this.used.add(key);
    return { file, ...structuredClone(hit) };
  }

  set(key: string, result: LintResult): void {
    const { file: _file, ...rest } = result;
    this.entries[key] = rest;
    this.used.add(key);
    this.dirty = true;
  }

  /** Keep the entries of this run's files only, so the cache never outgrows the archive. */
  save(): void {
    const kept = Object.fromEntries(Object.entries(this.entries).filter(([key]) => this.used.has(key)));
    if (!this.dirty && Object.keys(kept).length === Object.keys(this.entries).length) return;
    const temp = `${this.location}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ salt: this.salt, entries: kept } satisfies CacheFile));
    renameSync(temp, this.location);
  }
}
