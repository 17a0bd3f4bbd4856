// `zongjie check DRAFT --against EARLIER`: earlier reports in any format the tool reads (a folder
// with text, GB18030 and Word), the copied paragraphs and stale years found with the earlier file
// and line, the draft itself never its own source, and a clear stop when nothing can be read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { zongjieInProcess } from '../helpers/cli.js';
import { makeDocx, para } from '../helpers/docx.js';
import { tempDir } from '../helpers/temp.js';

const COPIED = '围绕安全生产中心任务，车间工会组织开展了“安全生产百日赛”活动，共有300名职工参加，评选出先进班组5个。';
const DATED = '2022年，我们共发展新会员120人，组织职工参加各类培训30余次，职工素质明显提升。';
const NEW = '今年工会把形势任务教育搬到了班组，利用班前会讲政策、讲安全，职工参与度明显提高。';

interface Message { ruleId: string; line: number; message: string; related: { file?: string; line: number }[] }

describe('check --against', () => {
  it('reads earlier reports of every format in a folder and names the file and line of each copy', async () => {
    const dir = tempDir('zongjie-against-');
    mkdirSync(join(dir, 'earlier'));
    writeFileSync(join(dir, 'earlier', '2022年总结.docx'), await makeDocx([para('2022年工会工作总结'), para(DATED)].join('')));
    writeFileSync(join(dir, 'earlier', '2021年总结.txt'), iconv.encode(`2021年工会工作总结\n一、劳动竞赛\n${COPIED}\n`, 'gb18030'));
    writeFileSync(join(dir, 'draft.txt'), `2023年工会工作总结\n${NEW}\n${COPIED.replace('300', '350')}\n${DATED.replace('120', '150')}\n`);
    const run = await zongjieInProcess(['check', '--format', 'json', 'draft.txt', '--against', 'earlier/'], { cwd: dir });
    expect(run.stderr).toBe('');
    const messages = (JSON.parse(run.stdout)[0].messages as Message[]).filter((m) => m.ruleId === 'reused-text' || m.ruleId === 'stale-year');
    expect(messages.map((m) => [m.ruleId, m.line, m.related.map((r) => `${r.file}:${r.line}`)])).toEqual([
      ['reused-text', 3, ['earlier/2021年总结.txt:3']],
      ['reused-text', 4, ['earlier/2022年总结.docx:2']],
      ['stale-year', 4, ['earlier/2022年总结.docx:2']],
    ]);
    expect(messages[2]!.message).toBe('这句抄自 earlier/2022年总结.docx 第2行，其中的“2022年”没有改：本报告是2023年的，是否应为2023年？');
    // The draft inside the folder it is checked against is not its own source.
    writeFileSync(join(dir, 'earlier', 'draft-copy.txt'), `2023年工会工作总结\n${NEW}\n`);
    const self = await zongjieInProcess(['check', '--format', 'json', 'earlier/draft-copy.txt', '--against', 'earlier/'], { cwd: dir });
    expect((JSON.parse(self.stdout)[0].messages as Message[]).filter((m) => m.ruleId === 'reused-text')).toEqual([]);
  });

  it('stops with exit 2 when no earlier report can be read, and names an unreadable one', async () => {
    const dir = tempDir('zongjie-against-');
    writeFileSync(join(dir, 'draft.txt'), `2023年工会工作总结\n${NEW}\n`);
    const none = await zongjieInProcess(['check', 'draft.txt', '--against', 'no-such-folder/'], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('zongjie: --against：在 no-such-folder/ 中找不到可以读取的报告\n');
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]));
    writeFileSync(join(dir, 'old.txt'), `2022年工会工作总结\n${NEW}\n`);
    const some = await zongjieInProcess(['check', 'draft.txt', '--against', 'scan.txt', '--against', 'old.txt'], { cwd: dir });
    expect(some.status).toBe(1);
    expect(some.stdout).toContain('scan.txt: 二进制文件（PNG image），不是文本');
    expect(some.stdout).toContain('这段与 old.txt 第2行的段落相同或几乎相同（相似度 1.00）');
  });
});
