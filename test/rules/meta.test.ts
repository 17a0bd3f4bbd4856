// The conventions every check keeps (CONVENTIONS.md 5): a registry entry, a docs page, a test file
// with valid and invalid cases, bilingual messages, and only message ids its meta defines.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/rules/index.js';
import { formatMessage } from '../../src/rules/types.js';
import { ROOT } from '../helpers/corpus.js';

const CHECK_DIR = join(ROOT, 'src', 'rules');
const checkFiles = readdirSync(CHECK_DIR).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'shared-duplicates.ts'].includes(f)).map((f) => f.replace(/\.ts$/, ''));

describe('every check', () => {
  it('is in the registry, sorted, one file per check named by its id', () => {
    const ids = CHECKS.map((c) => c.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual([...checkFiles].sort());
  });
  for (const check of CHECKS) {
    const { id } = check.meta;
    describe(id, () => {
      it('has a docs page with ✗ and ✓ examples', () => {
        const page = join(ROOT, check.meta.docs);
        expect(check.meta.docs).toBe(`docs/rules/${id}.md`);
        expect(existsSync(page), page).toBe(true);
        const text = readFileSync(page, 'utf8');
        expect(text).toContain('✗');
        expect(text).toContain('✓');
      });
      it('has a test file with valid and invalid cases', () => {
        const test = join(ROOT, 'test', 'rules', `${id}.test.ts`);
        expect(existsSync(test), test).toBe(true);
        const text = readFileSync(test, 'utf8');
        expect(text).toMatch(/valid:\s*\[/);
        expect(text).toMatch(/invalid:\s*\[/);
      });
      it('uses only message ids its meta defines, each in Chinese and English', () => {
        const source = readFileSync(join(CHECK_DIR, `${id}.ts`), 'utf8');
        const used = [...source.matchAll(/messageId:\s*'([\w-]+)'/g)].map((m) => m[1]!);
        for (const messageId of used) expect(Object.keys(check.meta.messages)).toContain(messageId);
        for (const message of Object.values(check.meta.messages)) {
          expect(message.zh).toMatch(/\p{Script=Han}/u);
          expect(message.en).toMatch(/^[\x20-\x7e{}…–]+$/);
        }
        expect(check.meta.description.zh).toMatch(/\p{Script=Han}/u);
      });
      it('accepts its default options', () => {
        expect(() => check.meta.options.parse({})).not.toThrow();
      });
    });
  }
});

describe('formatMessage', () => {
  it('fills every slot from the data, keeps a slot without data as written, and reuses a template', () => {
    expect(formatMessage('「{word}」重复了 {count} 次', { word: '开展', count: 2 })).toBe('「开展」重复了 2 次');
    expect(formatMessage('「{word}」重复了 {count} 次', { word: '召开', count: 3 })).toBe('「召开」重复了 3 次');
    expect(formatMessage('{a}{b}-{missing}', { a: 1, b: 'x' })).toBe('1x-{missing}');
    expect(formatMessage('no slots')).toBe('no slots');
    expect(formatMessage('{n} at {n}', { n: 0 })).toBe('0 at 0');
  });
});
