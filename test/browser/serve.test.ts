// The page of `zongjie serve` in headless Chromium (Debian's chromium, installed by .ci/run), driven by
// playwright-core: a seed report dropped on the page is marked in place and listed exactly as
// `zongjie check --format json` reports it; a click scrolls to the problem; the figures download as the
// CSV of `zongjie extract`; English and re-checking as the text is edited. The page is its own files
// (index.html, page.css, page.js) under a CSP without inline script or style: nothing may be refused.
// Screenshots are kept in test/artifacts/serve-*.png for a person to look at.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/document/index.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { corpusPath, ROOT } from '../helpers/corpus.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

interface CliMessage { ruleId: string; message: string; line: number; column: number; related: { line: number; column: number }[] }

async function cliCheck(file: string): Promise<CliMessage[]> {
  return (JSON.parse((await zongjieInProcess(['check', '--format', 'json', file])).stdout) as { messages: CliMessage[] }[])[0]!.messages;
}

const countBy = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => {
  acc[k] = (acc[k] ?? 0) + 1;
  return acc;
}, {});

/** Every problem mark's start in the drawn draft, as "rule line:column" of the original text. */
async function markedProblems(page: Page, text: string): Promise<string[]> {
  const starts = await page.$$eval('#view mark[data-start]', (marks) => {
    const view = document.getElementById('view')!;
    return marks.flatMap((mark) => {
      const before = document.createRange();
      before.setStart(view, 0);
      before.setEndBefore(mark);
      const offset = before.toString().length;
      return (mark as HTMLElement).dataset.startRules!.split(' ').map((rule) => ({ rule, offset }));
    });
  });
  const lines = new LineIndex(text);
  return starts.map(({ rule, offset }) => {
    const p = lines.position(offset);
    return `${rule} ${p.line}:${p.column}`;
  });
}

async function listedProblems(page: Page): Promise<string[]> {
  return page.$$eval('#problems button.problem', (buttons) => buttons.map((b) => `${(b as HTMLElement).dataset.rule} ${b.querySelector('.loc')!.textContent}`));
}

/** Whether the element's box lies inside the draft's scroll container. */
async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const view = await page.locator('#view').boundingBox();
  return Boolean(box && view && box.y >= view.y && box.y + Math.min(box.height, 40) <= view.y + view.height);
}

/** A drop of the file on the page, as a person dragging it from the file manager would do. */
async function dropFile(page: Page, path: string): Promise<void> {
  await page.evaluate(({ name, base64 }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type: 'text/plain' }));
    const zone = document.getElementById('dropzone')!;
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, { name: basename(path), base64: readFileSync(path).toString('base64') });
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `serve-${name}.png`) });

describe.skipIf(!existsSync(CHROMIUM))('zongjie serve in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const foreign: string[] = [];
  const errors: string[] = [];
  const violations: string[] = [];
  const loaded: string[] = [];

  async function openPage(path = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 41[35]/.test(m.text())) errors.push(m.text());
    });
    page.on('response', (r) => loaded.push(`${r.status()} ${r.request().method()} ${r.url().slice(server.url.length - 1)}`));
    // Whatever the content security policy refuses (an inline style or script, a handler attribute).
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    await page.goto(server.url + path);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({ port: 0, cwd: ROOT });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('loads its own script and style under the strict policy, in the language the server starts it in', async () => {
    const page = await openPage('?lang=en');
    // The stylesheet applies (the layout) and the script ran (the first tab is selected, English texts).
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).display)).toBe('grid');
    expect(await page.locator('.tabs [data-tab=problems]').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('h1').innerText()).toBe('zongjie · draft report check');
    expect(await page.title()).toBe('zongjie · draft report check');
    expect(await page.locator('#editor').getAttribute('placeholder')).toBe('Paste the report here…');
    expect(await page.locator('#lang').innerText()).toBe('中文');
    expect(await page.locator('body').getAttribute('data-drop')).toBe('Release to check this file');
    expect(loaded).toEqual(expect.arrayContaining(['200 GET /?lang=en', '200 GET /page.css', '200 GET /page.js']));
    // The size limit came from the server: a file over it is refused on the page, in English.
    await page.setInputFiles('#file', { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 0x41) });
    await expect.poll(() => page.locator('#error').innerText()).toBe('File too large: big.txt is 6 MB; the limit is 5 MB.');
    // Switching the language switches every text of the markup.
    await page.click('#lang');
    expect(await page.locator('h1').innerText()).toBe('总结 · 报告草稿检查');
    expect(await page.locator('#dropzone').innerText()).toMatch(/^把 \.txt、\.md 或 \.docx 文件拖到这里/);
    expect(await page.locator('#lang').getAttribute('title')).toBe('Switch to English');
    expect(await page.locator('.tabs [data-tab=figures]').innerText()).toBe('数字');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('marks a dropped seed report in place and lists its problems as `zongjie check --format json` does; a click scrolls to one', async () => {
    const file = corpusPath('000');
    const text = readFileSync(file, 'utf8');
    const cli = await cliCheck(file);
    const expected = cli.map((m) => `${m.ruleId} ${m.line}:${m.column}`);
    expect(expected.length).toBe(7);

    const page = await openPage();
    expect(await page.locator('h1').innerText()).toBe('总结 · 报告草稿检查');
    await shot(page, 'empty');
    await dropFile(page, file);
    await page.waitForSelector('#view mark[data-start]');

    // The draft drawn is the original text, with a mark where each problem starts, as the CLI says.
    expect(await page.$eval('#view', (v) => v.textContent)).toBe(text);
    expect((await markedProblems(page, text)).sort()).toEqual([...expected].sort());
    expect(await page.locator('#view mark.sev-error.r-placeholder').count()).toBe(7);
    // The list: the same problems, grouped by rule with counts, each "line:column message".
    expect(await listedProblems(page)).toEqual(expected);
    const groups = await page.$$eval('#problems .group', (gs) => gs.map((g) => [(g as HTMLElement).dataset.rule, Number(g.querySelector('.count')!.textContent)]));
    expect(Object.fromEntries(groups)).toEqual(countBy(cli.map((m) => m.ruleId)));
    expect(await page.$$eval('#problems button.problem .msg', (ms) => ms.map((m) => m.firstChild!.textContent))).toEqual(cli.map((m) => m.message));
    expect(await page.locator('.tabs [data-tab=problems] .n').innerText()).toBe('7');
    expect(await page.locator('#editor').inputValue()).toBe(text.replace(/\r\n?/g, '\n'));
    await shot(page, 'loaded');

    // The last problem is below the fold; clicking it in the list brings its mark into view.
    const last = page.locator('#problems button.problem').last();
    const index = await last.getAttribute('data-msg-index');
    const markSelector = `#view mark[data-start~="${index}"]`;
    expect(await inView(page, markSelector)).toBe(false);
    await last.click();
    await expect.poll(() => inView(page, markSelector)).toBe(true);
    expect(await page.locator(markSelector).getAttribute('class')).toMatch(/\bselected\b/);
    expect(await page.locator(markSelector).innerText()).toBe('202_');
    await shot(page, 'clicked');

    // Figures: the table, and the CSV download, which is `zongjie extract --format csv` for the file.
    await page.click('.tabs [data-tab=figures]');
    const extracted = JSON.parse((await zongjieInProcess(['extract', file])).stdout)[0];
    expect(await page.locator('#figures tbody tr').count()).toBe(extracted.figures.length);
    expect(await page.locator('#figures thead th').allInnerTexts()).toEqual(['数值', '单位', '主语', '限定', '原文', '行']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.csv[data-kind=figures]')]);
    expect(download.suggestedFilename()).toBe('000_87f43282fb262844-figures.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const cliCsv = (await zongjieInProcess(['extract', '--format', 'csv', file])).stdout;
    const relative = file.slice(ROOT.length + 1);
    expect(csv.startsWith('\uFEFFfile,year,section,subject,value,max,unit,qualifier,total,text,line,column,modality,relation\r\n')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean).length).toBe(extracted.figures.length + 1);
    expect(csv).toBe(cliCsv.split(`${relative},`).join(`${basename(file)},`));
    // A figure's row shows it in the draft.
    await page.locator('#figures tbody tr').last().click();
    const lastFigure = extracted.figures[extracted.figures.length - 1];
    expect(await page.evaluate(() => [...(CSS.highlights.get('zj-flash') ?? [])].map((r) => r.toString()))).toEqual([lastFigure.text]);
    await shot(page, 'figures');

    await page.click('.tabs [data-tab=activities]');
    expect(await page.locator('#activities tbody tr').count()).toBe(extracted.activities.length);
    await page.click('.tabs [data-tab=outline]');
    const outline = JSON.parse((await zongjieInProcess(['outline', '--format', 'json', file])).stdout)[0].sections;
    expect(await page.locator('#outline li > button span:first-child').first().innerText()).toBe(outline[0].title);
    await shot(page, 'outline');

    // English: the interface and the messages.
    await page.click('.tabs [data-tab=problems]');
    await page.click('#lang');
    await expect.poll(() => page.locator('#problems button.problem .msg').first().innerText()).toBe('Placeholder "202_" has not been filled in');
    expect(await page.locator('h1').innerText()).toBe('zongjie · draft report check');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Editing: a line typed at the top is re-checked (debounced) and its blank count marked in place.
    await page.locator('#editor').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('公司现有员工人。\n');
    await page.waitForSelector('#view mark.r-blank-count');
    const edited = await page.$eval('#view', (v) => v.textContent!);
    expect(edited).toBe(`公司现有员工人。\n${text.replace(/\r\n?/g, '\n')}`);
    const marked = await markedProblems(page, edited);
    expect(marked).toContain('blank-count 1:7');
    expect(marked.filter((m) => m.startsWith('placeholder')).map((m) => m.split(' ')[1]).sort())
      .toEqual(cli.map((m) => `${m.line + 1}:${m.column}`).sort());
    expect(await page.locator('#problems .group[data-rule=blank-count] button.problem .msg').first().innerText()).toBe('No number before "人" in "公司现有员工人"');
    await shot(page, 'english-edited');
    await page.close();
  }, 180_000);

  it('links both copies of a duplicate, in a report chosen with the file chooser', async () => {
    const file = corpusPath('001');
    const text = readFileSync(file, 'utf8');
    const cli = await cliCheck(file);
    const page = await openPage();
    await page.setInputFiles('#file', file);
    await page.waitForSelector('#view mark[data-start]');
    expect(countBy(await markedProblems(page, text))).toEqual(countBy(cli.map((m) => `${m.ruleId} ${m.line}:${m.column}`)));
    expect(await listedProblems(page)).toEqual(expect.arrayContaining(cli.map((m) => `${m.ruleId} ${m.line}:${m.column}`)));

    // A duplicate far down the report: its item goes to the copy, its link to the earlier one.
    const duplicates = cli.filter((m) => m.ruleId === 'duplicate-section');
    expect(duplicates.length).toBeGreaterThan(1);
    const item = page.locator('#problems .group[data-rule=duplicate-section] li').last();
    const index = await item.locator('button.problem').getAttribute('data-msg-index');
    const last = duplicates[duplicates.length - 1]!;
    expect(await item.locator('button.problem .loc').innerText()).toBe(`${last.line}:${last.column}`);
    expect(await item.locator('button.rel-link').innerText()).toBe(`另一处 ${last.related[0]!.line}:${last.related[0]!.column}`);

    await item.locator('button.problem').click();
    await expect.poll(() => inView(page, `#view mark[data-start~="${index}"]`)).toBe(true);
    const copyTop = (await page.locator(`#view mark[data-start~="${index}"]`).boundingBox())!.y;
    await item.locator('button.rel-link').click();
    const earlier = `#view mark[data-rels~="${index}:0"]`;
    await expect.poll(() => inView(page, earlier)).toBe(true);
    expect(await page.locator(earlier).first().getAttribute('class')).toMatch(/\bselected\b/);
    // The earlier copy is marked where the CLI says it starts, and it is another place than the copy.
    const earlierOffset = await page.$eval(earlier, (mark) => {
      const before = document.createRange();
      before.setStart(document.getElementById('view')!, 0);
      before.setEndBefore(mark);
      return before.toString().length;
    });
    expect(new LineIndex(text).position(earlierOffset)).toMatchObject({ line: last.related[0]!.line, column: last.related[0]!.column });
    expect(copyTop).not.toBe((await page.locator(earlier).first().boundingBox())!.y);
    await page.waitForTimeout(1800); // the flash fades: the picture shows the steady selection
    await shot(page, 'duplicate');

    // Clicking a mark in the draft selects its problem in the list.
    await page.locator('#view mark.r-doubled-word').first().click();
    expect(await page.locator('#problems button.problem.selected').getAttribute('data-rule')).toBe('doubled-word');
    await page.close();
  }, 120_000);

  it('says clearly when a file is too large or of the wrong kind', async () => {
    const page = await openPage();
    await page.setInputFiles('#file', { name: '总结.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await expect.poll(() => page.locator('#error').innerText()).toBe('不支持这种文件：总结.pdf。只能检查 .txt、.md、.docx 文件。');
    await page.setInputFiles('#file', { name: '大文件.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 0x41) });
    await expect.poll(() => page.locator('#error').innerText()).toBe('文件太大：大文件.txt 有 6 MB，上限为 5 MB。');
    // Named .txt but an image: the server says what it is.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    await page.setInputFiles('#file', { name: '图片.txt', mimeType: 'text/plain', buffer: png });
    await expect.poll(() => page.locator('#error').innerText()).toMatch(/^无法把 图片\.txt 读成文本：binary file/);
    await shot(page, 'error');
    // A good file afterwards clears the message.
    await page.setInputFiles('#file', { name: '草稿.txt', mimeType: 'text/plain', buffer: Buffer.from('202_年工作总结\n公司现有员工人。\n') });
    await page.waitForSelector('#view mark[data-start]');
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect((await listedProblems(page)).sort()).toEqual(['blank-count 2:7', 'placeholder 1:1']);
    await page.close();
  });
});
