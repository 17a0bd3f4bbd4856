// The map and the house keep to each other: every module directory of src/ is named in
// docs/architecture.md, imports go one way (.dependency-cruiser.cjs, the order the map gives), and no
// source file grows past 400 lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/corpus.js';

const SRC = join(ROOT, 'src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

describe('the architecture', () => {
  it('names every module directory of src/ in docs/architecture.md', () => {
    const map = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const modules = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(modules.length).toBeGreaterThan(10);
    expect(modules.filter((name) => !map.includes(`\`src/${name}/\``))).toEqual([]);
  });

  it('has imports that go one way, with no cycle', async () => {
    const config = await extractDepcruiseConfig(join(ROOT, '.dependency-cruiser.cjs'));
    const result = await cruise(['src'], { ...config, validate: true, ruleSet: config }, undefined, { tsConfig: { fileName: join(ROOT, 'tsconfig.json') } });
    const output = result.output as { summary: { violations: { from: string; to: string; rule: { name: string } }[]; totalCruised: number } };
    expect(output.summary.totalCruised).toBeGreaterThan(100);
    expect(output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('keeps every source file under 400 lines', () => {
    const long = files(SRC)
      .filter((path) => /\.(ts|css|html)$/.test(path))
      .map((path) => ({ path: relative(ROOT, path), lines: readFileSync(path, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 400);
    expect(long).toEqual([]);
  });
});
