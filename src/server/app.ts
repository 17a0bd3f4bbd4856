// `zongjie serve`: the editors' page on a local HTTP server (node:http, no framework). GET / is the
// page; POST /api/check analyses one draft with the library (analyseDraft) and answers JSON. The
// segmenter, lexicon and rule config are loaded once at start, so each check costs only the analysis.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { z } from 'zod';
import { analyseDraft, loadLexicon, loadLintConfig, loadSegmenter } from '../index.js';
import { checkRegistry, type Lang } from '../rules/index.js';
import type { ResolvedConfig } from '../config/config.js';
import { pageHtml } from './page.js';
import { checkResponse } from './response.js';

/** The largest draft accepted, as a file (bytes) or as text (UTF-8 bytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** A request body: the file in base64 (4/3 of it) and a little JSON around it. */
export const MAX_BODY_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 64 * 1024;
export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'] as const;

export interface ServerOptions {
  /** Default 127.0.0.1. A host that is not loopback turns off the Host-header check. */
  host?: string;
  /** Default 8765; 0 picks a free port. */
  port?: number;
  /** The page's language at start and the messages' language when a request names none. */
  lang?: Lang;
  /** Where to look for .zongjierc.yml (default: the current directory), as `zongjie check` does. */
  cwd?: string;
  configFile?: string;
  preset?: string;
  /** Override the size limit of a draft, in bytes (tests). */
  maxFileBytes?: number;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** An answer that is not the analysis: a status, a code and the message in both languages. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The Host header names this server by a loopback name and its port (against DNS rebinding). */
export function hostAllowed(header: string | undefined, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  const givenPort = match[2] === undefined ? 80 : Number(match[2]);
  return givenPort === port && (name === 'localhost' || name === '127.0.0.1' || name === '[::1]');
}

const requestSchema = z.object({
  name: z.string().max(255).optional(),
  text: z.string().optional(),
  base64: z.string().optional(),
  lang: z.enum(['zh', 'en']).optional(),
}).refine((r) => (r.text === undefined) !== (r.base64 === undefined), { message: 'give either text or base64' });

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'too-large', `草稿太大：上限为 ${megabytes(limit)}`, `The draft is too large: the limit is ${megabytes(limit)}`);
}

function wrongType(name: string): HttpError {
  const list = ACCEPTED_EXTENSIONS.join('、');
  return new HttpError(415, 'wrong-type', `不支持这种文件：${name}（只能检查 ${list} 文件）`, `Unsupported file type: ${name} (only ${ACCEPTED_EXTENSIONS.join(', ')} files can be checked)`);
}

/** The body, up to `limit` bytes; more is a 413 (`refusal`) before it is all read. */
function readBody(req: IncomingMessage, limit: number, refusal: HttpError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(refusal);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(refusal);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
  res.end(json);
}

function sendError(res: ServerResponse, error: HttpError): void {
  // A body refused part-way is still read to its end (and dropped), so the client gets this answer
  // rather than a reset connection while it is still sending.
  sendJson(res, error.status, { error: { code: error.code, message: error.message, zh: error.zh, en: error.en } });
}

/** The page's content security policy: its own inline script and style (by hash), its own API, nothing else. */
function securityHeaders(html: string): Record<string, string> {
  const hash = (tag: string) => {
    const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
    return `'sha256-${createHash('sha256').update(match?.[1] ?? '').digest('base64')}'`;
  };
  return {
    'content-security-policy': [
      "default-src 'none'", `script-src ${hash('script')}`, `style-src ${hash('style')}`, "connect-src 'self'",
      "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

/** A short draft analysed at start, so the first real check does not pay for loading and warming up. */
const WARM_UP_PARAGRAPHS = [
  '一、基本情况',
  '全年共开展开展劳动竞赛12次，发展新会员20人，公司现有员工人，慰问金35.705万元，202_年xx月。',
  '(一)加強思想政治引領，全年組織職工學習培訓3期，參加人數百人以上，共徵集“金點子”條，平均降低成本%以上。',
  '二、存在问题',
  '一是宣传力度不够；二是部分职工参与积极性不高，累计发放。',
];
/** Traditional and simplified text, a copied section and a repeated sentence: every path the checks take. */
const WARM_UP = `2023年度工作总结\n\n${[...WARM_UP_PARAGRAPHS, ...WARM_UP_PARAGRAPHS].join('\n\n')}\n`;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 8765;
  const defaultLang: Lang = options.lang ?? 'zh';
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const maxBodyBytes = Math.ceil(maxFileBytes / 3) * 4 + 64 * 1024;
  const checkHost = isLoopback(host);

  const config: ResolvedConfig = loadLintConfig({
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.preset ? { preset: options.preset } : {}),
  });
  loadSegmenter();
  loadLexicon();
  for (const lang of ['zh', 'en', 'zh'] as const) await analyseDraft('warm-up.txt', Buffer.from(WARM_UP, 'utf8'), { config, lang });

  const registry = checkRegistry();
  const rules = (lang: Lang) => [...registry.values()].map((m) => ({ id: m.id, description: m.description[lang] }));
  const pages = new Map<Lang, { html: string; headers: Record<string, string> }>();
  const page = (lang: Lang) => {
    let cached = pages.get(lang);
    if (!cached) {
      const html = pageHtml(lang, maxFileBytes);
      cached = { html, headers: securityHeaders(html) };
      pages.set(lang, cached);
    }
    return cached;
  };

  let port = requestedPort;

  async function check(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      throw new HttpError(415, 'content-type', '请求必须是 JSON（Content-Type: application/json）', 'The request must be JSON (Content-Type: application/json)');
    }
    // Same origin only: a page elsewhere may not post drafts here (browsers send Origin on POST).
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) {
      req.resume();
      throw new HttpError(403, 'origin', '不接受来自其他网站的请求', 'Requests from other sites are refused');
    }
    const body = await readBody(req, maxBodyBytes, tooLarge(maxFileBytes));
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'bad-json', '请求不是有效的 JSON', 'The request is not valid JSON');
    }
    const request = requestSchema.safeParse(parsed);
    if (!request.success) {
      throw new HttpError(400, 'bad-request', '请求应为 { name, text } 或 { name, base64 }，可加 lang: "zh" 或 "en"', 'Expected { name, text } or { name, base64 }, with optional lang: "zh" or "en"');
    }
    const { text, base64 } = request.data;
    const lang = request.data.lang ?? defaultLang;
    // Only the base name: it decides Markdown or text, and is shown back to the user.
    let name = (request.data.name ?? '').split(/[\\/]/).pop()!.trim() || (text !== undefined ? '草稿.txt' : 'draft');
    const extension = extname(name).toLowerCase();
    if (extension && !(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) throw wrongType(name);

    let bytes: Buffer;
    if (text !== undefined) {
      bytes = Buffer.from(text, 'utf8');
    } else {
      const compact = base64!.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
        throw new HttpError(400, 'bad-base64', '文件内容不是有效的 base64', 'The file content is not valid base64');
      }
      bytes = Buffer.from(compact, 'base64');
    }
    if (bytes.length > maxFileBytes) throw tooLarge(maxFileBytes);
    // Edited text of a Word document is text now.
    const analysedName = text !== undefined && extension === '.docx' ? `${name.slice(0, -extension.length)}.txt` : name;
    if (text !== undefined) name = analysedName;

    const started = performance.now();
    let analysis;
    try {
      analysis = await analyseDraft(analysedName, bytes, { config, lang });
    } catch (error) {
      if (!(error instanceof Error) || !['DecodeError', 'ReadError', 'DocxError'].includes(error.name)) throw error;
      // The library names what the bytes are (a ZIP archive, an image, a damaged Word file …).
      const reason = typeof (error as { reason?: unknown }).reason === 'string' ? (error as unknown as { reason: string }).reason : error.message;
      throw new HttpError(415, 'unreadable', `无法把 ${name} 读成文本：${reason}`, `${name} cannot be read as text: ${reason}`);
    }
    const elapsedMs = Math.round(performance.now() - started);
    sendJson(res, 200, checkResponse(analysis, { file: name, lang, rules: rules(lang), elapsedMs }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (checkHost && !hostAllowed(req.headers.host, port)) {
      req.resume();
      throw new HttpError(403, 'host', '不认识的 Host：请用 127.0.0.1 或 localhost 访问', 'Unknown Host header: open the page at 127.0.0.1 or localhost');
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/' || path === '/index.html') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        req.resume();
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const wanted = /[?&]lang=en\b/.test(req.url ?? '') ? 'en' : /[?&]lang=zh\b/.test(req.url ?? '') ? 'zh' : defaultLang;
      const { html, headers } = page(wanted);
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    if (path === '/api/check') {
      if (req.method !== 'POST') {
        req.resume();
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      await check(req, res);
      return;
    }
    req.resume();
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    throw new HttpError(404, 'not-found', '没有这个地址', 'Not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      process.stderr.write(`zongjie serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      sendError(res, new HttpError(500, 'internal', '服务器内部错误，详见终端输出', 'Internal error: see the terminal'));
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
