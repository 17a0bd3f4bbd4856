// `zongjie serve` under hostile requests (issue 23): a ZIP bomb, an archive that lies about its
// sizes, damaged Word files, bodies cut short, too large, of the wrong kind, malformed JSON nested
// deep, binary data as text, a flood of findings — each gets its answer, and after every one the
// server still serves its page. And `serve --host 127.0.0.2` prints a URL that answers (item 9).
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { bombDocx, lieAboutSize, makeDocx, para } from '../helpers/docx.js';
import { ROOT } from '../helpers/corpus.js';

interface Reply { status: number; json: { error?: { code: string; en: string } } | null }

function send(server: RunningServer, options: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = request({
      host: '127.0.0.1', port: server.port, agent: false, method: options.method ?? 'POST', path: options.path ?? '/api/check',
      headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', ...(body ? { 'content-length': String(body.length) } : {}), ...options.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Bytes written on a raw connection, then the connection dropped (a client that goes away mid-request). */
function rawAndDrop(server: RunningServer, text: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write(text);
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

async function pageStillServed(server: RunningServer): Promise<void> {
  const r = await send(server, { method: 'GET', path: '/', headers: { 'content-type': '' } });
  expect(r.status).toBe(200);
}

const base64 = (bytes: Buffer) => bytes.toString('base64');

describe('zongjie serve under hostile requests', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, cwd: ROOT });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers every hostile request of the set, and serves its page after each', { timeout: 120_000 }, async () => {
    const good = await makeDocx([para('2023年度工作总结'), para('计划于20xx年发展会员20人。')].join(''));
    const bomb = await bombDocx(17 * 1024 * 1024);
    const liar = lieAboutSize(await makeDocx(Array.from({ length: 3000 }, (_, i) => para(`全年发展新会员${i}人。`)).join('')), 'word/document.xml', 100);
    const cases: [string, () => Promise<Reply | null>, number | null, string?][] = [
      ['ZIP bomb (.docx unpacking to 17 MB)', () => send(server, { body: JSON.stringify({ name: 'bomb.docx', base64: base64(bomb) }) }), 415, 'Word document too large when unpacked'],
      ['ZIP that lies about its size', () => send(server, { body: JSON.stringify({ name: 'liar.docx', base64: base64(liar) }) }), 415, 'a ZIP bomb'],
      ['.docx cut in half', () => send(server, { body: JSON.stringify({ name: 'half.docx', base64: base64(good.subarray(0, good.length >> 1)) }) }), 415, 'damaged Word document'],
      ['.docx with its bytes scrambled', () => send(server, { body: JSON.stringify({ name: 'x.docx', base64: base64(Buffer.from(good.map((b, i) => (i > 40 && i % 7 === 0 ? b ^ 0x5a : b)))) }) }), 415],
      ['random bytes named .docx', () => send(server, { body: JSON.stringify({ name: 'x.docx', base64: base64(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))) }) }), 415],
      ['binary data as a .txt', () => send(server, { body: JSON.stringify({ name: 'x.txt', base64: base64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])) }) }), 415],
      ['a body over the limit', () => send(server, { body: Buffer.alloc(8 * 1024 * 1024, 0x61) }), 413],
      ['JSON nested 100,000 deep', () => send(server, { body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` }), 400],
      ['not JSON', () => send(server, { body: '{"text": "开展' }), 400],
      ['the wrong shape', () => send(server, { body: JSON.stringify({ text: 5, base64: [] }) }), 400],
      ['invalid base64', () => send(server, { body: JSON.stringify({ name: 'a.txt', base64: '!!!!' }) }), 400],
      ['the wrong content type', () => send(server, { body: 'text=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415],
      ['a name with a path and a NUL (only the base name is kept)', () => send(server, { body: JSON.stringify({ name: '../../etc/passwd\u0000.txt', text: '公司现有员工人。' }) }), 200],
      ['another site', () => send(server, { body: JSON.stringify({ text: 'x' }), headers: { origin: 'http://evil.example' } }), 403],
      ['a rebound name', () => send(server, { body: JSON.stringify({ text: 'x' }), headers: { host: `evil.example:${server.port}` } }), 403],
      ['50,000 placeholders in one draft', () => send(server, { body: JSON.stringify({ text: `${'xx，'.repeat(50_000)}\n` }) }), 200],
      ['one line of 1 MB', () => send(server, { body: JSON.stringify({ text: '全年开展开展培训3期，'.repeat(100_000) }) }), 200],
      ['lone surrogates and controls', () => send(server, { body: JSON.stringify({ text: '\ud800开展\udfff开展\u0000\u202e一、\u0007' }) }), null],
      ['a request cut short', async () => { await rawAndDrop(server, `POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text":"`); return null; }, null],
      ['garbage instead of HTTP', async () => { await rawAndDrop(server, '\u0000\u0001GARBAGE / HTTP/9.9\r\n\r\n'); return null; }, null],
    ];
    for (const [name, run, status, message] of cases) {
      const reply = await run();
      if (reply && status !== null) expect(reply.status, name).toBe(status);
      if (reply && status === null) expect([200, 400, 415], name).toContain(reply.status);
      if (message) expect(reply?.json?.error?.en, name).toContain(message);
      await pageStillServed(server);
    }
  });
});

describe('zongjie serve --host 127.0.0.2 (item 9)', () => {
  it('prints a URL that answers with the page, not 403', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'zongjie.js'), 'serve', '--port', '0', '--host', '127.0.0.2'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ZONGJIE_LANG: '' } });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /http:\/\/\S+/.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${out}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('总结');
      const check = await fetch(new URL('/api/check', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '公司现有员工人。' }) });
      expect(check.status).toBe(200);
    } finally {
      child.kill('SIGINT');
      await exited;
    }
  });
});
