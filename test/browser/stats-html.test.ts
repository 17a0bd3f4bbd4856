// The stats HTML page opened in headless Chromium (Debian's chromium, installed by .ci/run), driven by
// playwright-core: the charts are there and drawn, with no network. A screenshot is kept in
// test/artifacts/ for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { zongjieInProcess } from '../helpers/cli.js';
import { ROOT } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');

describe.skipIf(!existsSync(CHROMIUM))('stats page in a browser', () => {
  it('shows one drawn SVG chart per indicator, fetching nothing', async () => {
    const out = tempDir('zongjie-html-');
    expect((await zongjieInProcess(['stats', '--out', out, '--workers', '1', 'corpus/'])).status).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(out, 'stats.html')}`);
      const charts = await page.locator('svg[data-indicator]').count();
      const indicators = await page.locator('table').first().locator('tbody tr').count();
      expect(charts).toBeGreaterThan(5);
      expect(charts).toBe(indicators - 1); // the table's first row counts reports
      // Drawn: every chart has bars (paths or rects) with a size.
      const drawn = await page.locator('svg[data-indicator]').evaluateAll((svgs) => svgs.filter((s) => s.querySelectorAll('path, rect').length > 3 && s.getBoundingClientRect().width > 100).length);
      expect(drawn).toBe(charts);
      expect(await page.locator('h1').innerText()).toMatch(/统计/);
      expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'stats-page.png'), fullPage: false });
    } finally {
      await browser.close();
    }
  });
});
