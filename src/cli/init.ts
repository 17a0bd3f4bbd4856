// `zongjie init`: write a commented starter .zongjierc.yml in the current directory; `--hook`: the
// git pre-commit hook instead (hook.ts).
import type { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../rules/index.js';
import { installPreCommitHook } from './hook.js';
import { EXIT, UsageError, say, withStatus, writeOut } from './shared.js';

export function starterConfig(preset: string): string {
  return `# zongjie 的项目配置。zongjie check 从当前目录往上找到的第一个 .zongjierc.yml 生效。
# 说明：docs/rules/ 下每个检查一页；zongjie rules 列出全部检查。

# 在哪个规则集之上调整：recommended（通用）或 union-annual（工会年度工作总结），也可以写规则文件的路径。
extends: ${preset}

# 调整单项检查：off（关闭）、info（提示）、warning（警告）、error（错误），或 [级别, { 选项 }]。
checks:
${CHECKS.map((c) => `  # ${c.meta.id}: ${c.meta.defaultSeverity}    # ${c.meta.description.zh}`).join('\n')}

# 不检查的文件（glob，相对当前目录）
ignore:
  - 'archive/**'

# 检查哪些文件（zongjie check --staged 只看与之匹配的已暂存文件）
files: ['**/*.txt', '**/*.md', '**/*.markdown']
`;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a commented starter .zongjierc.yml in the current directory, or with --hook a git pre-commit hook')
    .option('--preset <name>', 'the preset to extend: recommended or union-annual', 'recommended')
    .option('--hook', 'write the git pre-commit hook instead: it runs zongjie check --staged before every commit')
    .option('--force', 'overwrite an existing .zongjierc.yml (with --hook: an existing pre-commit hook)')
    .action(withStatus(async (opts: { preset: string; force?: boolean; hook?: boolean }) => {
      if (opts.hook) {
        writeOut(say('cli.hookWrote', { path: installPreCommitHook(process.cwd(), opts.force === true) }));
        return EXIT.ok;
      }
      const path = join(process.cwd(), '.zongjierc.yml');
      if (existsSync(path) && !opts.force) throw new UsageError(say('cli.initExists', { path }));
      writeFileSync(path, starterConfig(opts.preset), { flag: opts.force ? 'w' : 'wx' });
      writeOut(say('cli.wrote', { paths: path }));
      return EXIT.ok;
    }));
}
