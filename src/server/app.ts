// `zongjie serve`: the editors' page on a local HTTP server (node:http, no framework). GET / is the
// page (its files built into dist/server/public, see static.ts); POST /api/check analyses one draft
// with the library (checker.ts) and answers JSON. The segmenter, lexicon and rule config are loaded
// once at start, so each check costs only the analysis.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { z } from 'zod';
import { t, type Lang, type MessageData, type MessageKey } from '../text/messages.js';
import type { DraftAnalysis } from '../api/zongjie.js';
import { createChecker, unreadableReason, type CheckerOptions } from './checker.js';
import { checkResponse } from './response.js';
import { loadPublicFiles, publicDir } from './static.js';

/** The largest draft accepted, as a file (bytes) or as text (UTF-8 bytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'] as const;

export interface ServerOptions extends CheckerOptions {
  /** Default 127.0.0.1. A host that is not loopback turns off the Host-header check. */
  host?: string;
  /** Default 8765; 0 picks a free port. */
  port?: number;
  /** The page's language at start and the messages' language when a request names none. */
  lang?: Lang;
  /** Override the size limit of a draft, in bytes (tests). */
  maxFileBytes?: number;
  /** The built page's folder (default dist/server/public of this package). */
  publicDir?: string;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** An answer that is not the analysis: a status, a code and the message (from the catalogue) in both languages. */
export class HttpError extends Error {
  readonly zh: string;
  readonly en: string;
  /** `data` fills the message's slots, the same in both languages or per language. */
  constructor(readonly status: number, readonly code: string, key: MessageKey, data?: MessageData | ((lang: Lang) => MessageData)) {
    const dataIn = (lang: Lang) => (typeof data === 'function' ? data(lang) : data);
    const zh = t('zh', key, dataIn('zh'));
    const en = t('en', key, dataIn('en'));
    super(`${zh} / ${en}`);
    this.zh = zh;
    this.en = en;
  }
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || isLoopbackIpv4(h);
}

/**
 * The Host header names this server by a loopback name and its port (against DNS rebinding): localhost,
 * [::1] or any 127.x.y.z literal (the server may listen on 127.0.0.2, and the URL it prints says so).
 * A literal address cannot be a rebound name, so every loopback literal is as safe as 127.0.0.1.
 */
export function hostAllowed(header: string | undefined, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  const givenPort = match[2] === undefined ? 80 : Number(match[2]);
  return givenPort === port && (name === 'localhost' || name === '[::1]' || isLoopbackIpv4(name));
}

/** 127.0.0.0/8 written as four decimal numbers, each at most 255. */
function isLoopbackIpv4(name: string): boolean {
  const parts = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return parts?.slice(1).every((n) => Number(n) <= 255) === true;
}

const requestSchema = z.object({
  name: z.string().max(255).optional(),
  text: z.string().optional(),
  base64: z.string().optional(),
  lang: z.enum(['zh', 'en']).optional(),
}).refine((r) => (r.text === undefined) !== (r.base64 === undefined), { message: 'give either text or base64' });

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'too-large', 'http.tooLarge', { limit: megabytes(limit) });
}

function wrongType(name: string): HttpError {
  return new HttpError(415, 'wrong-type', 'http.wrongType', (lang) => ({ name, list: ACCEPTED_EXTENSIONS.join(lang === 'zh' ? '、' : ', ') }));
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

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 8765;
  const defaultLang: Lang = options.lang ?? 'zh';
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  // A request body: the file in base64 (4/3 of it) and a little JSON around it.
  const maxBodyBytes = Math.ceil(maxFileBytes / 3) * 4 + 64 * 1024;
  const checkHost = isLoopback(host);

  // The page first: a missing build fails at once, before the slow loading of the library.
  const files = loadPublicFiles(options.publicDir ?? publicDir(), maxFileBytes);
  const checker = await createChecker({
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.preset ? { preset: options.preset } : {}),
  });

  let port = requestedPort;

  async function check(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      throw new HttpError(415, 'content-type', 'http.contentType');
    }
    // Same origin only: a page elsewhere may not post drafts here (browsers send Origin on POST).
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) {
      req.resume();
      throw new HttpError(403, 'origin', 'http.origin');
    }
    const body = await readBody(req, maxBodyBytes, tooLarge(maxFileBytes));
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'bad-json', 'http.badJson');
    }
    const request = requestSchema.safeParse(parsed);
    if (!request.success) {
      throw new HttpError(400, 'bad-request', 'http.badRequest');
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
        throw new HttpError(400, 'bad-base64', 'http.badBase64');
      }
      bytes = Buffer.from(compact, 'base64');
    }
    if (bytes.length > maxFileBytes) throw tooLarge(maxFileBytes);
    // Edited text of a Word document is text now.
    const analysedName = text !== undefined && extension === '.docx' ? `${name.slice(0, -extension.length)}.txt` : name;
    if (text !== undefined) name = analysedName;

    const started = performance.now();
    let analysis: DraftAnalysis;
    try {
      analysis = await checker.analyse(analysedName, bytes, lang);
    } catch (error) {
      const reason = unreadableReason(error);
      if (reason === null) throw error;
      throw new HttpError(415, 'unreadable', 'http.unreadable', { name, reason });
    }
    const elapsedMs = Math.round(performance.now() - started);
    sendJson(res, 200, checkResponse(analysis, { file: name, lang, rules: checker.rules(lang), elapsedMs }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (checkHost && !hostAllowed(req.headers.host, port)) {
      req.resume();
      throw new HttpError(403, 'host', 'http.host');
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const wanted = /[?&]lang=en\b/.test(req.url ?? '') ? 'en' : /[?&]lang=zh\b/.test(req.url ?? '') ? 'zh' : defaultLang;
    const file = files.get(path, wanted);
    if (file) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        req.resume();
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      res.writeHead(200, file.headers);
      res.end(req.method === 'HEAD' ? undefined : file.body);
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
    throw new HttpError(404, 'not-found', 'http.notFound');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that went away mid-request (its body cut short) has no one to answer: nothing to log.
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (res.headersSent || req.socket.destroyed || code === 'ECONNRESET' || code === 'ECONNABORTED') {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      process.stderr.write(`zongjie serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      sendError(res, new HttpError(500, 'internal', 'http.internal'));
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
