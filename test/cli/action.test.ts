// The GitHub Action (action.yml at the root) as GitHub runs a composite action: each step's `run`
// in bash -eo pipefail, its env with the ${{ }} expressions filled in, outputs through $GITHUB_OUTPUT,
// `if:` conditions on inputs and outputs. The install step (npm ci in the action's folder) and the
// upload (GitHub's own action) are not run here; everything between them is, on real drafts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

interface Step { name: string; id?: string; if?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; 'working-directory'?: string }
interface Action { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const steps = action.runs.steps;

/** One run of the action's steps after the install, in `workspace`, with these inputs. */
function runAction(workspace: string, given: Record<string, string>) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? String(input.default)]));
  const outputs: Record<string, string> = {};
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, path: string) => {
      if (path === 'github.action_path') return ROOT;
      const input = /^inputs\.([\w-]+)$/.exec(path);
      if (input) return inputs[input[1]!] ?? '';
      const output = /^steps\.check\.outputs\.([\w-]+)$/.exec(path);
      if (output) return outputs[output[1]!] ?? '';
      throw new Error(`expression the test does not know: ${path}`);
    });
  const condition = (text: string): boolean => {
    const m = /^([\w.-]+) (==|!=) '([^']*)'$/.exec(text.trim());
    if (!m) throw new Error(`condition the test does not know: ${text}`);
    const value = expression(`\${{ ${m[1]} }}`);
    return m[2] === '==' ? value === m[3] : value !== m[3];
  };
  const ran: { name: string; status: number; stdout: string; stderr: string }[] = [];
  for (const step of steps.slice(1)) {
    if (step.if && !condition(step.if)) continue;
    if (step.uses) {
      ran.push({ name: step.name, status: 0, stdout: JSON.stringify(Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expression(v)]))), stderr: '' });
      continue;
    }
    const outputFile = join(tempDir('zongjie-gh-'), 'output');
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expression(v)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: workspace,
      encoding: 'utf8',
      env: { ...process.env, ...env, GITHUB_OUTPUT: outputFile, NO_COLOR: '1', ZONGJIE_LANG: '' },
    });
    for (const line of readFileSync(outputFile, 'utf8').split('\n').filter(Boolean)) {
      const eq = line.indexOf('=');
      if (step.id === 'check') outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    ran.push({ name: step.name, status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break;
  }
  return { ran, outputs };
}

function workspace(files: Record<string, string>): string {
  const dir = tempDir('zongjie-ws-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('the GitHub Action', () => {
  it('is a composite action that installs this repository, checks, uploads SARIF and annotates', () => {
    expect(action.runs.using).toBe('composite');
    const github = (path: string) => `\${{ ${path} }}`;
    expect(steps[0]).toMatchObject({ run: 'npm ci --no-audit --no-fund', 'working-directory': github('github.action_path') });
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with).toEqual({ sarif_file: github('steps.check.outputs.sarif-file'), category: 'zongjie' });
    expect(action.outputs['exit-code']!.value).toBe(github('steps.check.outputs.exit-code'));
  });

  it('on a draft with placeholders: a SARIF log of them, the upload, annotations, and the job fails', () => {
    const ws = workspace({ 'reports/2023/总结.md': '# 20xx年工作总结\n\n发展新会员xx人。\n', 'reports/clean.txt': '2023年工作总结\n发展新会员20人。\n' });
    const { ran, outputs } = runAction(ws, { paths: 'reports/' });
    expect(ran.map((r) => [r.name, r.status])).toEqual([
      ['zongjie check --format sarif', 0],
      ['Upload to code scanning', 0],
      ['Annotations on the reports', 1],
    ]);
    expect(outputs).toEqual({ 'sarif-file': 'zongjie.sarif', 'exit-code': '1' });
    expect(JSON.parse(ran[1]!.stdout)).toEqual({ sarif_file: 'zongjie.sarif', category: 'zongjie' });
    const log = JSON.parse(readFileSync(join(ws, 'zongjie.sarif'), 'utf8')) as Log;
    const run = log.runs[0]!;
    expect(run.results!.map((r) => [r.ruleId, r.locations![0]!.physicalLocation!.artifactLocation!.uri, r.locations![0]!.physicalLocation!.region!.startLine])).toEqual([
      ['placeholder', `reports/2023/${encodeURIComponent('总结')}.md`, 1],
      ['placeholder', `reports/2023/${encodeURIComponent('总结')}.md`, 3],
    ]);
    expect(run.tool.driver.rules!.find((r) => r.id === 'placeholder')!.helpUri).toMatch(/\/docs\/rules\/placeholder\.md$/);
    expect(ran[2]!.stdout.split('\n').filter(Boolean)).toEqual([
      '::error file=reports/2023/总结.md,line=1,col=3,endLine=1,endColumn=7,title=zongjie(placeholder)::占位符“20xx”尚未填写',
      '::error file=reports/2023/总结.md,line=3,col=6,endLine=3,endColumn=8,title=zongjie(placeholder)::占位符“xx”尚未填写',
    ]);
  });

  it('with fail-on-error false, a preset and several paths: the job passes, the log still has the errors', () => {
    const ws = workspace({ 'a.txt': '202_年工作总结\n', 'b.txt': '2023年工作总结\n开展开展活动。\n' });
    const { ran, outputs } = runAction(ws, { paths: 'a.txt b.txt', preset: 'recommended', 'fail-on-error': 'false', upload: 'false', 'sarif-file': 'z.sarif' });
    expect(ran.map((r) => [r.name, r.status])).toEqual([
      ['zongjie check --format sarif', 0],
      ['Annotations on the reports', 0],
    ]);
    expect(outputs['exit-code']).toBe('1');
    const results = (JSON.parse(readFileSync(join(ws, 'z.sarif'), 'utf8')) as Log).runs[0]!.results!;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([['placeholder', 'error'], ['doubled-word', 'warning']]);
  });

  it('on clean reports: exit code 0, no annotations', () => {
    const { ran, outputs } = runAction(workspace({ 'r/a.txt': '2023年工作总结\n发展新会员20人。\n' }), { paths: 'r' });
    expect(ran.map((r) => r.name)).toEqual(['zongjie check --format sarif', 'Upload to code scanning']);
    expect(outputs['exit-code']).toBe('0');
  });

  it('a run that cannot proceed (an unknown preset) fails the step before the upload', () => {
    const { ran, outputs } = runAction(workspace({ 'a.txt': '2023年工作总结\n' }), { paths: 'a.txt', preset: 'no-such-preset' });
    expect(ran.map((r) => [r.name, r.status])).toEqual([['zongjie check --format sarif', 2]]);
    expect(outputs['exit-code']).toBe('2');
    expect(ran[0]!.stdout).toContain('::error title=zongjie::the check could not run (exit status 2)');
    expect(ran[0]!.stderr).toContain('no-such-preset');
  });
});
