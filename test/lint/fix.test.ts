// The fix preview (a unified diff that git apply and patch accept) and the atomic write behind --fix.
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { applyPatch, parsePatch } from 'diff';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { applyFixes, lineDiff, writeFileAtomic } from '../../src/lint/fix.js';
import type { LintMessage } from '../../src/lint/types.js';
import { tempDir } from '../helpers/temp.js';

const DRAFT = [
  '2023年工会工作总结',
  '一、主要工作',
  '今年我们开展开展了劳动竞赛，组织开展劳动竞赛竞赛，提高职工技能。',
  '全年发展新会员20人。',
  '二、存在问题',
  '人手不足。',
  '经费紧张。',
  '三、下一步工作',
  '加强学习。',
  '完善制度。',
  '继续做好做好会员发展工作。',
  '',
].join('\n');

/** A doubled-word fix as the rule makes it: the second copy removed. */
function removeSecond(text: string, word: string): LintMessage[] {
  const out: LintMessage[] = [];
  for (let at = text.indexOf(word + word); at >= 0; at = text.indexOf(word + word, at + 1)) {
    out.push({ ruleId: 'doubled-word', severity: 'warning', message: '', messageId: 'doubled', line: 1, column: 1, endLine: 1, endColumn: 1, offset: at, endOffset: at + 2 * word.length, fix: { range: [at + word.length, at + 2 * word.length], text: '' } });
  }
  return out;
}

describe('lineDiff', () => {
  const { text: fixed } = applyFixes(DRAFT, [...removeSecond(DRAFT, '开展'), ...removeSecond(DRAFT, '竞赛'), ...removeSecond(DRAFT, '做好')]);

  it('writes a unified diff with three lines of context, changes far apart in hunks of their own', () => {
    expect(fixed).toContain('今年我们开展了劳动竞赛，组织开展劳动竞赛，提高职工技能。');
    expect(lineDiff('2023年工作总结.txt', DRAFT, fixed)).toBe([
      '--- a/2023年工作总结.txt',
      '+++ b/2023年工作总结.txt',
      '@@ -1,6 +1,6 @@',
      ' 2023年工会工作总结',
      ' 一、主要工作',
      '-今年我们开展开展了劳动竞赛，组织开展劳动竞赛竞赛，提高职工技能。',
      '+今年我们开展了劳动竞赛，组织开展劳动竞赛，提高职工技能。',
      ' 全年发展新会员20人。',
      ' 二、存在问题',
      ' 人手不足。',
      '@@ -8,4 +8,4 @@',
      ' 三、下一步工作',
      ' 加强学习。',
      ' 完善制度。',
      '-继续做好做好会员发展工作。',
      '+继续做好会员发展工作。',
    ].join('\n'));
  });

  it('is a patch that turns the original into the fixed text, line ends and a missing last line end included', () => {
    const crlf = DRAFT.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const crlfFixed = fixed.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const diff = lineDiff('a.txt', crlf, crlfFixed);
    expect(diff).toContain('-继续做好做好会员发展工作。\n\\ No newline at end of file');
    expect(applyPatch(crlf, diff)).toBe(crlfFixed);
    expect(parsePatch(diff)[0]!.hunks).toHaveLength(2);
  });

  it('aligns a fix that joins two lines', () => {
    const joined = DRAFT.replace('人手不足。\n经费紧张。', '人手不足。经费紧张。');
    const diff = lineDiff('a.txt', DRAFT, joined);
    expect(diff).toContain('@@ -3,8 +3,7 @@');
    expect(diff).toContain('\n-人手不足。\n-经费紧张。\n+人手不足。经费紧张。\n');
    expect(applyPatch(DRAFT, diff)).toBe(joined);
  });

  it('stays linear when every line changes (20,000 lines)', () => {
    // How long it takes (under 5 s; the Myers alignment took 300 s here) is timed by `npm run bench`
    // (bench/bounds.js); a run as slow as that one fails here by the test timeout.
    const before = '全年开展开展培训3期。\n'.repeat(20_000);
    const after = before.replace(/开展开展/g, '开展');
    const diff = lineDiff('a.txt', before, after);
    expect(parsePatch(diff)[0]!.hunks).toHaveLength(1);
    expect(applyPatch(before, diff)).toBe(after);
  });

  it('is accepted by git apply', () => {
    const dir = tempDir('zongjie-diff-');
    writeFileSync(join(dir, '总结.txt'), DRAFT);
    writeFileSync(join(dir, 'fix.diff'), `${lineDiff('总结.txt', DRAFT, fixed)}\n`);
    const git = spawnSync('git', ['apply', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
    expect(git.stderr).toBe('');
    expect(readFileSync(join(dir, '总结.txt'), 'utf8')).toBe(fixed);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file in its encoding, keeping its mode, leaving nothing beside it', () => {
    const dir = tempDir('zongjie-write-');
    const file = join(dir, 'report.txt');
    writeFileSync(file, iconv.encode('總結(jié)報告\r\n', 'gb18030'));
    chmodSync(file, 0o640);
    writeFileAtomic(file, '總結報告\r\n', 'gb18030', false);
    expect(iconv.decode(readFileSync(file), 'gb18030')).toBe('總結報告\r\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('writes through a symbolic link to the file it points to, and the link stays a link', () => {
    const dir = tempDir('zongjie-write-');
    writeFileSync(join(dir, 'real.txt'), '开展开展\n');
    symlinkSync('real.txt', join(dir, 'link.txt'));
    writeFileAtomic(join(dir, 'link.txt'), '开展\n', 'utf-8', true);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'))).toEqual(Buffer.from('\ufeff开展\n'));
  });
});
