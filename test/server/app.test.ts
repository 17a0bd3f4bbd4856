// The server of `zongjie serve` at the HTTP level: the page, POST /api/check against `zongjie check
// --format json` on the same file, the limits (413), wrong kinds (415), bad requests (400), the Host
// check against DNS rebinding and the Origin check; and the command itself (URL, busy port, Ctrl-C).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, para } from '../helpers/docx.js';
import { hostAllowed, isLoopback, MAX_FILE_BYTES, startServer, type RunningServer } from '../../src/server/app.js';
import { localisePage } from '../../src/server/static.js';
import { messages, t, type MessageKey } from '../../src/text/messages.js';
import { LineIndex } from '../../src/document/index.js';
import { zongjieInProcess } from '../helpers/cli.js';
import { corpusPath, ROOT } from '../helpers/corpus.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the server's JSON answers field by field
interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string; json: any }

/** One HTTP request with full control of the headers (fetch would not let us set Host). */
function http(server: RunningServer, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const req = request({
      host: '127.0.0.1', port: server.port, agent: false, method: options.method ?? 'GET', path: options.path ?? '/',
      headers: { host: `127.0.0.1:${server.port}`, ...(body ? { 'content-length': String(body.length) } : {}), ...options.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const postJson = (server: RunningServer, payload: unknown, headers: Record<string, string> = {}) =>
  http(server, { method: 'POST', path: '/api/check', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });

interface CliMessage { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; offset: number; endOffset: number; related: { line: number; column: number }[] }

async function cliCheck(file: string, lang = 'zh'): Promise<CliMessage[]> {
  const r = await zongjieInProcess(['check', '--format', 'json', '--lang', lang, file]);
  return (JSON.parse(r.stdout) as { messages: CliMessage[] }[])[0]!.messages;
}

const essentials = (m: CliMessage) => ({
  ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, column: m.column,
  endLine: m.endLine, endColumn: m.endColumn, offset: m.offset, endOffset: m.endOffset,
  related: m.related.map((r) => `${r.line}:${r.column}`),
});

describe('zongjie serve: the HTTP server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, cwd: ROOT });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on 127.0.0.1 and serves the page, in the language asked for, with a strict content security policy', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const r = await http(server, {});
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    // The settings and every text are filled in by the server, from the catalogue.
    expect(r.body).toContain(`<html lang="zh-CN" data-lang="zh" data-max-bytes="${MAX_FILE_BYTES}">`);
    expect(r.body).toContain('<h1 data-i18n="page.title">总结 · 报告草稿检查</h1>');
    expect(r.body).toContain('data-i18n="page.choose">选择文件</label>');
    expect(r.body).toContain('data-i18n-placeholder="page.editorPlaceholder" placeholder="在这里粘贴报告全文……"');
    expect(r.body).not.toContain('<!--');
    // Its own two files and nothing else: no inline script or style, no handler attributes, no other hosts.
    expect([...r.body.matchAll(/\s(src|href)="([^"]*)"/g)].map((m) => m[2]).sort()).toEqual(['page.css', 'page.js']);
    expect(r.body).not.toMatch(/<script>|<style|\sstyle=|\son[a-z]+=/i);
    expect(r.body).not.toMatch(/https?:\/\//);
    const csp = String(r.headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'none'", 'script-src': "'self'", 'style-src': "'self'", 'connect-src': "'self'",
      'base-uri': "'none'", 'form-action': "'none'", 'frame-ancestors': "'none'",
    });
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|'sha(256|384|512)-|'nonce-/);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();

    const en = await http(server, { path: '/?lang=en' });
    expect(en.body).toContain('<html lang="en" data-lang="en"');
    expect(en.body).toContain('<title data-i18n="page.title">zongjie · draft report check</title>');
    expect(en.body).toContain('data-i18n-title="page.langTitle" title="切换到中文">中文</button>');
    // Quotes in a text are escaped (page.drop in English quotes "Choose file").
    expect(en.body).toContain('click &quot;Choose file&quot;');
    expect((await http(server, { path: '/index.html' })).body).toBe(r.body);
    const head = await http(server, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(r.body));
  });

  it('serves the page\'s script and style as files with their types, and nothing else of the folder', async () => {
    const script = await http(server, { path: '/page.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.body).toBe(readFileSync(join(ROOT, 'dist', 'server', 'public', 'page.js'), 'utf8'));
    // Bundled: the catalogue is in it, no module import is left.
    expect(script.body).toContain('总结 · 报告草稿检查');
    expect(script.body).not.toMatch(/^\s*(import|export)\s/m);
    const style = await http(server, { path: '/page.css' });
    expect(style.status).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.body).toContain('mark.zj');
    expect(Number(style.headers['content-length'])).toBe(Buffer.byteLength(style.body));
    for (const path of ['/main.ts', '/page.ts', '/tsconfig.json', '/page.js.map', '/public/page.js', '/server/public/page.css',
      '/PAGE.JS', '/page.js/', '/./page.js', '/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2fetc%2fpasswd']) {
      const r = await http(server, { path });
      expect(r.status, path).toBe(404);
      expect(r.json.error.code, path).toBe('not-found');
    }
    const post = await http(server, { method: 'POST', path: '/page.js', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers a seed report as `zongjie check --format json` does, with every position an offset into the original text', async () => {
    const file = corpusPath('001');
    const text = readFileSync(file, 'utf8');
    const r = await postJson(server, { name: '001.txt', text });
    expect(r.status).toBe(200);
    const body = r.json;
    expect(body.file).toBe('001.txt');
    expect(body.positions).toBe('line');
    expect(body.text).toBe(text);
    const cli = await cliCheck(file);
    expect(cli.length).toBeGreaterThan(100);
    expect(body.lint.messages.map(essentials)).toEqual(cli.map(essentials));
    expect(body.lint.errorCount).toBe(cli.filter((m) => m.severity === 'error').length);

    const lines = new LineIndex(text);
    for (const m of body.lint.messages) {
      expect(lines.position(m.offset)).toMatchObject({ line: m.line, column: m.column });
      expect(lines.position(m.endOffset)).toMatchObject({ line: m.endLine, column: m.endColumn });
      if (m.ruleId === 'placeholder' || m.ruleId === 'doubled-word') expect(text.slice(m.offset, m.endOffset)).toBe(m.source);
      for (const rel of m.related) {
        expect(lines.position(rel.offset)).toMatchObject({ line: rel.line, column: rel.column });
        expect(lines.position(rel.endOffset)).toMatchObject({ line: rel.endLine, column: rel.endColumn });
      }
    }
    // The duplicate's earlier copy is given as a range too, so the page can link both copies.
    const duplicate = body.lint.messages.find((m: CliMessage) => m.ruleId === 'duplicate-section');
    expect(duplicate.related[0]).toMatchObject({ line: 3, column: 1, offset: 16 });
    expect(duplicate.related[0].endOffset).toBeGreaterThan(duplicate.related[0].offset + 1000);

    // The extraction, as `zongjie extract` gives it, with offsets into the same text.
    const extracted = JSON.parse((await zongjieInProcess(['extract', file])).stdout)[0];
    const strip = (items: { offset: number; endOffset: number }[]) => items.map(({ offset: _o, endOffset: _e, ...rest }) => rest);
    for (const kind of ['figures', 'placeholders', 'blanks', 'activities'] as const) {
      expect(body[kind].length).toBe(extracted[kind].length);
      expect(strip(body[kind])).toEqual(strip(extracted[kind]));
    }
    for (const f of body.figures) expect(text.slice(f.offset, f.endOffset)).toBe(f.text);
    for (const p of body.placeholders) expect(text.slice(p.offset, p.endOffset)).toBe(p.text);
    for (const a of body.activities) expect(text.slice(a.offset, a.endOffset)).toBe(a.text);
    expect(body.year).toBe(extracted.year);

    // The outline, as `zongjie outline --format json` gives it, each heading found at its offset.
    const outline = JSON.parse((await zongjieInProcess(['outline', '--format', 'json', file])).stdout)[0].sections;
    const titles = (nodes: { title: string; line: number; children: unknown[] }[]): string[] => nodes.flatMap((n) => [`${n.line} ${n.title}`, ...titles(n.children as never)]);
    expect(titles(body.outline)).toEqual(titles(outline));
    const walk = (nodes: { title: string; offset: number; endOffset: number; children: unknown[] }[]): void => nodes.forEach((n) => {
      expect(text.slice(n.offset, n.endOffset)).toBe(n.title);
      walk(n.children as never);
    });
    walk(body.outline);
    expect(body.rules.map((r: { id: string }) => r.id)).toContain('duplicate-section');
  }, 120_000);

  it('reads a file sent as base64 in its own encoding (GB18030), and answers in English on request', async () => {
    const file = corpusPath('000');
    const text = readFileSync(file, 'utf8');
    const gb = iconv.encode(text, 'gb18030');
    const r = await postJson(server, { name: '000.txt', base64: gb.toString('base64'), lang: 'en' });
    expect(r.status).toBe(200);
    expect(r.json.text).toBe(text);
    expect(r.json.lang).toBe('en');
    expect(r.json.lint.messages.map(essentials)).toEqual((await cliCheck(file, 'en')).map(essentials));
    expect(r.json.lint.messages[0].message).toBe('Placeholder "202_" has not been filled in');
  });

  it('refuses a draft over the size limit with 413 and a message in Chinese and English', async () => {
    // Over the body limit: refused from Content-Length, before it is read.
    const huge = await postJson(server, { name: 'big.txt', text: 'x'.repeat(MAX_FILE_BYTES + MAX_FILE_BYTES / 2) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('too-large');
    expect(huge.json.error.zh).toBe('草稿太大：上限为 5 MB');
    expect(huge.json.error.en).toBe('The draft is too large: the limit is 5 MB');
    expect(huge.json.error.message).toBe('草稿太大：上限为 5 MB / The draft is too large: the limit is 5 MB');
    // Within the body limit, but the text itself is over the draft limit.
    const big = await postJson(server, { name: 'big.txt', text: '字'.repeat(MAX_FILE_BYTES / 3 + 10) });
    expect(big.status).toBe(413);
    // The server is still there.
    expect((await postJson(server, { name: 'a.txt', text: '公司现有员工人。' })).status).toBe(200);
  });

  it('refuses the wrong kind of file with 415 and says what it is', async () => {
    const pdf = await postJson(server, { name: 'report.pdf', base64: Buffer.from('%PDF-1.4').toString('base64') });
    expect(pdf.status).toBe(415);
    expect(pdf.json.error.code).toBe('wrong-type');
    expect(pdf.json.error.zh).toBe('不支持这种文件：report.pdf（只能检查 .txt、.md、.markdown、.docx 文件）');
    expect(pdf.json.error.en).toBe('Unsupported file type: report.pdf (only .txt, .md, .markdown, .docx files can be checked)');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const image = await postJson(server, { name: 'draft.txt', base64: png.toString('base64') });
    expect(image.status).toBe(415);
    expect(image.json.error.code).toBe('unreadable');
    expect(image.json.error.en).toMatch(/^draft\.txt cannot be read as text: binary file/);
    // Not JSON at all: a form post from another page would be a "simple" cross-site request.
    const form = await http(server, { method: 'POST', path: '/api/check', headers: { 'content-type': 'text/plain' }, body: '{"text":"x"}' });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe('content-type');
  });

  it('answers a Word document with paragraph positions, and a damaged one with a clear message', async () => {
    const docx = await makeDocx([para('2023年度工作总结'), para('一、主要工作', 'Heading1'), para('计划于20xx年发展会员20人。')].join(''));
    const ok = await postJson(server, { name: '总结.docx', base64: docx.toString('base64') });
    expect(ok.status).toBe(200);
    expect(ok.json.positions).toBe('paragraph');
    expect(ok.json.lint.messages.map((m: { ruleId: string; line: number; column: number }) => [m.ruleId, m.line, m.column])).toContainEqual(['placeholder', 3, 4]);
    // A ZIP with word/document.xml in it: unmistakably meant as Word, but damaged.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('word/document.xml')]);
    const r = await postJson(server, { name: '总结.docx', base64: zip.toString('base64') });
    expect(r.status).toBe(415);
    expect(r.json.error.code).toBe('unreadable');
    expect(r.json.error.zh).toContain('总结.docx');
    // Its text, edited on the page, is checked as text.
    const edited = await postJson(server, { name: '总结.docx', text: '公司现有员工人。' });
    expect(edited.status).toBe(200);
    expect(edited.json.file).toBe('总结.txt');
    expect(edited.json.lint.messages[0].ruleId).toBe('blank-count');
  });

  it('answers 400 to bad JSON and to requests of the wrong shape', async () => {
    const bad = await http(server, { method: 'POST', path: '/api/check', headers: { 'content-type': 'application/json' }, body: '{"name": "a.txt", "text": ' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('bad-json');
    for (const payload of [{ name: 'a.txt' }, { name: 'a.txt', text: 'x', base64: 'eA==' }, { text: 'x', lang: 'fr' }, { text: 42 }, [1, 2]]) {
      const r = await postJson(server, payload);
      expect(r.status, JSON.stringify(payload)).toBe(400);
      expect(r.json.error.code).toBe('bad-request');
    }
    const base64 = await postJson(server, { name: 'a.txt', base64: '这不是base64' });
    expect(base64.status).toBe(400);
    expect(base64.json.error.code).toBe('bad-base64');
  });

  it('answers only to its own names (against DNS rebinding) and only to its own page (no CORS)', async () => {
    const ok = { name: 'a.txt', text: '202_年工作总结' };
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`]) {
      expect((await postJson(server, ok, { host })).status, host).toBe(200);
    }
    for (const host of [`evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, 'localhost', `attacker.localhost:${server.port}`]) {
      const r = await postJson(server, ok, { host });
      expect(r.status, host).toBe(403);
      expect(r.json.error.code).toBe('host');
      expect((await http(server, { headers: { host } })).status).toBe(403);
    }
    const foreign = await postJson(server, ok, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe('origin');
    const own = await postJson(server, ok, { origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 404 and 405 where there is nothing to get', async () => {
    expect((await http(server, { path: '/etc/passwd' })).status).toBe(404);
    const get = await http(server, { path: '/api/check' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });
});

describe('the page\'s files and texts', () => {
  const template = readFileSync(join(ROOT, 'src', 'server', 'public', 'index.html'), 'utf8');

  it('fills index.html from the catalogue: every data-i18n text, placeholder and title, escaped, and the settings', () => {
    const page = localisePage(template, 'en', 1234);
    expect(page).toContain('<html lang="en" data-lang="en" data-max-bytes="1234">');
    // No element named in the markup is left empty.
    expect(page).not.toMatch(/data-i18n="[^"]+"[^>]*><\//);
    for (const [, key, text] of page.matchAll(/data-i18n="([^"]+)"[^>]*>([^<]*)</g)) {
      expect(text!.replace(/&quot;/g, '"'), key).toBe(t('en', key as MessageKey));
    }
    expect(localisePage('<html lang="x"><p data-i18n="page.title"></p>', 'zh', 1)).toBe('<html lang="zh-CN" data-lang="zh" data-max-bytes="1"><p data-i18n="page.title">总结 · 报告草稿检查</p>');
    expect(localisePage('<html lang="x"><b data-i18n-title="page.drop"></b>', 'en', 1)).toContain('title="Drop a .txt, .md or .docx file here, click &quot;Choose file&quot;');
    expect(() => localisePage('<html lang="x"><p data-i18n="page.nothing"></p>', 'zh', 1)).toThrow(/page\.nothing/);
    expect(() => localisePage('<p>no html tag</p>', 'zh', 1)).toThrow(/<html/);
  });

  it('refuses to start without the built page, saying how to build it', async () => {
    await expect(startServer({ port: 0, publicDir: join(ROOT, 'no-such-folder') })).rejects.toThrow(/index\.html is missing .*npm run build/);
  });

  it('has every message in both languages, with the same {slots}', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
    for (const key of Object.keys(messages.zh) as MessageKey[]) {
      expect(key, key).toMatch(/^[a-z]+\.[A-Za-z0-9_.-]+$/);
      expect(slots(messages.en[key]), key).toEqual(slots(messages.zh[key]));
      if (key !== 'qualifier.exact') expect(messages.en[key], key).not.toBe('');
    }
    expect(t('zh', 'page.summary', { n: 3, e: 1, w: 2, i: 0 })).toBe('3 个问题：1 个错误，2 个警告，0 个提示');
    expect(t('en', 'page.related', {})).toBe('other copy {loc}');
  });
});

describe('hostAllowed and isLoopback', () => {
  it('accept the loopback names with the right port only', () => {
    expect(hostAllowed('127.0.0.1:8765', 8765)).toBe(true);
    expect(hostAllowed('LOCALHOST:8765', 8765)).toBe(true);
    expect(hostAllowed('[::1]:8765', 8765)).toBe(true);
    expect(hostAllowed('localhost', 80)).toBe(true);
    expect(hostAllowed('localhost', 8765)).toBe(false);
    expect(hostAllowed('127.0.0.1:8766', 8765)).toBe(false);
    expect(hostAllowed('example.com:8765', 8765)).toBe(false);
    expect(hostAllowed('127.0.0.1.nip.io:8765', 8765)).toBe(false);
    expect(hostAllowed(undefined, 8765)).toBe(false);
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.168.1.5')).toBe(false);
  });
});

/** Run `zongjie serve` until it prints its URL (or exits); the caller stops it. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string | null; stdout: () => string; stderr: () => string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'zongjie.js'), 'serve', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ZONGJIE_LANG: '' } });
  let stdout = '';
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve) => {
    const done = (url: string | null) => resolve({ child, url, stdout: () => stdout, stderr: () => stderr, exit });
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /http:\/\/\S+/.exec(stdout);
      if (match) done(match[0]);
    });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    void exit.then(() => done(null));
  });
}

describe('zongjie serve: the command', () => {
  it('prints its URL on 127.0.0.1, serves the page, and stops cleanly on Ctrl-C', async () => {
    const run = await serve(['--port', '0']);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(run.stderr()).toBe('');
    const page = await fetch(run.url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('总结');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('exits 2 with a clear message when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await serve(['--port', String(port)]);
      expect(run.url).toBeNull();
      expect(await run.exit).toBe(2);
      expect(run.stderr()).toContain(`127.0.0.1 上的端口 ${port} 已被占用`);
    } finally {
      blocker.close();
    }
  });

  it('refuses bad options with exit 2', async () => {
    expect((await zongjieInProcess(['serve', '--port', 'eighty'])).status).toBe(2);
    const badLang = await zongjieInProcess(['serve', '--lang', 'fr']);
    expect(badLang.status).toBe(2);
    expect(badLang.stderr).toContain('--lang 只能是 zh（zh-Hans、zh-Hant）或 en，不能是“fr”');
  });

  it('warns that a host other than loopback makes the page reachable from the network', async () => {
    const run = await serve(['--port', '0', '--host', '0.0.0.0']);
    try {
      expect(run.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/$/);
      for (let i = 0; i < 40 && !run.stderr(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(run.stderr()).toMatch(/警告：正在监听 0\.0\.0\.0，页面可从网络访问/);
      // With --host, the Host check is off (the user asked to be reached by other names).
      const port = Number(new URL(run.url!).port);
      const r = await new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/', agent: false, headers: { host: `zongjie.lan:${port}` } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
      });
      expect(r).toBe(200);
    } finally {
      run.child.kill('SIGINT');
      await run.exit;
    }
  });
});
