// Configuration: presets, extends, overrides, and the errors a mistaken rule file gets.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../../src/rules/index.js';
import { resolveConfig } from '../../src/config/config.js';
import { RuleFileError } from '../../src/config/errors.js';
import { tempDir } from '../helpers/temp.js';

const registry = checkRegistry();
function configIn(text: string, name = '.zongjierc.yml'): string {
  const dir = tempDir('zongjie-config-');
  writeFileSync(join(dir, name), text);
  return dir;
}
const errorOf = (fn: () => unknown): RuleFileError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleFileError) return error;
    throw error;
  }
  throw new Error('no error');
};

describe('presets and config files', () => {
  it('recommended turns on every check but required-section, with its defaults', () => {
    const config = resolveConfig({ preset: 'recommended' }, registry);
    expect(config.checks.get('placeholder')).toMatchObject({ severity: 'error' });
    expect(config.checks.get('required-section')!.severity).toBe('off');
    expect(config.checks.get('duplicate-section')!.options).toMatchObject({ threshold: 0.8, minBlock: 3 });
    expect((config.checks.get('missing-number')!.options as { phrases: string[] }).phrases).toContain('共征集');
  });
  it('union-annual extends it: required sections on, indicators added, phrases kept', () => {
    const config = resolveConfig({ preset: 'union-annual' }, registry);
    expect(config.checks.get('required-section')!.severity).toBe('warning');
    const options = config.checks.get('missing-number')!.options as { phrases: string[]; indicators: { id: string }[] };
    expect(options.indicators.map((i) => i.id)).toEqual(['会员', '职代会提案', '帮扶']);
    expect(options.phrases).toContain('累计发放');
  });
  it('finds .zongjierc.yml from a subdirectory and applies its overrides', () => {
    const dir = configIn('extends: union-annual\nchecks:\n  doubled-word: off\n  duplicate-section: [error, { threshold: 0.9 }]\nignore: [old/**]\n');
    const config = resolveConfig({ cwd: dir }, registry);
    expect(config.checks.get('doubled-word')!.severity).toBe('off');
    expect(config.checks.get('duplicate-section')).toMatchObject({ severity: 'error', options: { threshold: 0.9 } });
    expect(config.ignore).toEqual(['old/**']);
  });
  it('changes its hash when a rule changes', () => {
    const a = resolveConfig({ cwd: configIn('checks:\n  doubled-word: off\n') }, registry).hash;
    const b = resolveConfig({ cwd: configIn('checks:\n  doubled-word: info\n') }, registry).hash;
    expect(a).not.toBe(b);
  });
});

describe('mistakes in rule files', () => {
  it('names file, line, column and what was expected', () => {
    const cases: [string, RegExp][] = [
      ['checks:\n  doubled-word: warn\n', /:2:17: checks\.doubled-word: expected a severity: off, info, warning, error/],
      ['checks:\n  no-such-check: error\n', /:2:3: checks: unknown check "no-such-check"/],
      ['checks:\n  duplicate-section: [warning, { threshold: 2 }]\n', /:2:45: checks\.duplicate-section\.1\.threshold: Too big/],
      ['checks:\n  duplicate-section: [warning, { treshold: 0.9 }]\n', /checks\.duplicate-section\.1: Unrecognized key/],
      ['checks: [a, b\n', /:\d+:\d+: invalid YAML/],
      ['extends: no-such-preset\n', /:1:10: extends: no preset or file "no-such-preset"/],
      ['extends: ./.zongjierc.yml\n', /extends itself/],
    ];
    for (const [text, expected] of cases) {
      const dir = configIn(text);
      const error = errorOf(() => resolveConfig({ cwd: dir }, registry));
      expect(error.message).toMatch(/\.zongjierc\.yml:\d+:\d+: /);
      expect(error.message).toMatch(expected);
    }
  });
});
