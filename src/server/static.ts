// The page's files (built by scripts/build-page.mjs into dist/server/public/): read once at start,
// served from a fixed list only (no path from the request ever reaches the file system). index.html
// is filled at start, per language, with the texts of src/text/messages.ts and the page's settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/paths.js';
import { isMessageKey, LANGS, t, type Lang } from '../text/messages.js';

/** Where the built page lives, from src/server (tests) or dist/server (built) alike. */
export function publicDir(): string {
  return join(packageRoot(), 'dist', 'server', 'public');
}

/** The page's content security policy: its own script, style and API, nothing inline, nothing else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "require-trusted-types-for 'script'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export interface StaticFile {
  body: Buffer;
  headers: Record<string, string>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function message(lang: Lang, key: string): string {
  if (!isMessageKey(key)) throw new Error(`index.html names a message that is not in src/text/messages.ts: ${key}`);
  return escapeHtml(t(lang, key));
}

/** index.html in `lang`: the <html> tag carries the settings, every data-i18n element its text. */
export function localisePage(template: string, lang: Lang, maxFileBytes: number): string {
  let html = template.replace(/<!--[\s\S]*?-->\s*/g, '');
  const tags = html.match(/<html\s[^>]*>/g) ?? [];
  if (tags.length !== 1) throw new Error('index.html must have one <html …> tag');
  const htmlTag = `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}" data-lang="${escapeHtml(lang)}" data-max-bytes="${Math.floor(maxFileBytes)}">`;
  html = html.replace(tags[0]!, () => htmlTag);
  // Elements left empty in the source get their text; data-i18n-placeholder/-title their attribute.
  html = html.replace(/(<([a-z][a-z0-9]*)\b[^>]*\sdata-i18n="([^"]+)"[^>]*>)<\/\2>/g,
    (_whole, open: string, tag: string, key: string) => `${open}${message(lang, key)}</${tag}>`);
  return html.replace(/\sdata-i18n-(placeholder|title)="([^"]+)"/g,
    (whole, attribute: string, key: string) => `${whole} ${attribute}="${message(lang, key)}"`);
}

export interface PublicFiles {
  /** The file served at this path (of the request, without its query), or undefined. */
  get(path: string, lang: Lang): StaticFile | undefined;
}

function file(body: string | Buffer, type: string): StaticFile {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return { body: bytes, headers: { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(bytes.length) } };
}

/** Read the page's files once; a missing one stops the server at start with a clear message. */
export function loadPublicFiles(dir: string, maxFileBytes: number): PublicFiles {
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name));
    } catch (error) {
      throw new Error(`the page's file ${name} is missing from ${dir} (run \`npm run build\`): ${(error as Error).message}`);
    }
  };
  const template = read('index.html').toString('utf8');
  const pages = new Map(LANGS.map((lang) => [lang, file(localisePage(template, lang, maxFileBytes), 'text/html; charset=utf-8')]));
  const assets = new Map<string, StaticFile>([
    ['/page.js', file(read('page.js'), 'text/javascript; charset=utf-8')],
    ['/page.css', file(read('page.css'), 'text/css; charset=utf-8')],
  ]);
  return {
    get: (path, lang) => (path === '/' || path === '/index.html' ? pages.get(lang) : assets.get(path)),
  };
}
