// Help that leads somewhere: every rule has its page in docs/rules/, the package ships it (package.json
// `files`), `zongjie rules --docs RULE` prints it, the SARIF log's helpUri points at it inside the
// published package, and every relative link in README.md and docs/ names a file that exists.
// test/package/packed.test.ts checks the same against the real tarball.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/rules/index.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };

/** Whether package.json `files` takes this path (relative to the root, with /) into the package. */
function shipped(path: string): boolean {
  return pkg.files.some((entry) => path === entry || path.startsWith(`${entry.replace(/\/$/, '')}/`));
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** The targets of a Markdown file's relative links ([text](target)), without their #fragment. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => decodeURIComponent(target.split('#')[0]!));
}

describe('the rules\' pages', () => {
  it('every rule has its page in docs/rules/, shipped in the package and listed in docs/rules/README.md', () => {
    const index = readFileSync(join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    expect(CHECKS.length).toBeGreaterThanOrEqual(10);
    for (const { meta } of CHECKS) {
      expect(meta.docs, meta.id).toBe(`docs/rules/${meta.id}.md`);
      expect(existsSync(join(ROOT, meta.docs)), meta.docs).toBe(true);
      expect(shipped(meta.docs), meta.docs).toBe(true);
      expect(index, meta.id).toContain(`(${meta.id}.md)`);
    }
    expect(shipped('scripts/patch-nodejieba.mjs')).toBe(true);
    expect(shipped('docs/api.md')).toBe(true);
  });

  it('zongjie rules --docs RULE prints the page; an unknown rule is exit 2 naming the rules', async () => {
    for (const { meta } of CHECKS) {
      const r = await zongjieInProcess(['rules', '--docs', meta.id]);
      expect(r.status, meta.id).toBe(0);
      expect(r.stdout, meta.id).toBe(readFileSync(join(ROOT, meta.docs), 'utf8'));
    }
    const unknown = await zongjieInProcess(['rules', '--docs', 'placeholders', '--lang', 'en']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(`zongjie: no rule named "placeholders" (the rules: ${CHECKS.map((c) => c.meta.id).join(', ')})\n`);
    expect((await zongjieInProcess(['rules'])).stdout).toContain('zongjie rules --docs <检查名>');
  });

  it('the SARIF helpUri of every rule is its page in the published package', async () => {
    const dir = tempDir('zongjie-sarif-');
    writeFileSync(join(dir, 'a.txt'), '202_年工作总结\n');
    const r = await zongjieInProcess(['check', '--format', 'sarif', 'a.txt'], { cwd: dir });
    expect(r.status).toBe(1);
    const rules = (JSON.parse(r.stdout) as Log).runs[0]!.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(CHECKS.map((c) => c.meta.id));
    const base = `https://unpkg.com/zongjie@${pkg.version}/`;
    for (const rule of rules) {
      expect(rule.helpUri!.startsWith(base), rule.helpUri).toBe(true);
      const path = rule.helpUri!.slice(base.length);
      expect(existsSync(join(ROOT, path)) && shipped(path), path).toBe(true);
    }
  });
});

describe('links in the documentation', () => {
  it('every relative link of README.md and docs/ names a file of the repository', () => {
    const files = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];
    expect(files.length).toBeGreaterThan(15);
    const broken: string[] = [];
    let links = 0;
    for (const file of files) {
      for (const target of relativeLinks(file)) {
        links++;
        const path = resolve(dirname(file), target);
        if (!path.startsWith(ROOT + sep) || !existsSync(path)) broken.push(`${relative(ROOT, file)} → ${target}`);
      }
    }
    expect(links).toBeGreaterThan(40);
    expect(broken).toEqual([]);
  });
});
