// Static pages (demo shop, agent console, the built widget) under a strict CSP, and uploaded
// files behind ActiveStorage-like redirect URLs.
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = join(ROOT, 'demo');
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws: wss:";
const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.d.ts': 'text/plain; charset=utf-8',
});
/** Uploads that are safe to show inline; anything else is downloaded. */
const INLINE = /^(image\/(png|jpeg|gif|webp|avif)|audio\/|video\/|text\/plain|application\/pdf)/;

/**
 * @param {string} dir @param {string} rel
 * @returns {string | null} an absolute path inside `dir`, or null for a traversal attempt
 */
function inside(dir, rel) {
  const path = normalize(join(dir, rel));
  return path.startsWith(dir + sep) ? path : null;
}

/**
 * @param {import('node:http').ServerResponse} res @param {number} status
 * @param {Buffer | string} body @param {Record<string, string>} headers
 * @param {boolean} head
 */
function reply(res, status, body, headers, head) {
  res.writeHead(status, {'content-length': String(Buffer.byteLength(body)), 'x-content-type-options': 'nosniff', ...headers});
  res.end(head ? undefined : body);
}

/**
 * Serve a static or upload URL; false when the path is not ours.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {{url: URL, origin: string, inboxIdentifier: string, store: import('./store.mjs').Store, tampered?: (path: string) => boolean}} ctx
 *   `tampered`: whether to change this widget file on its way (a fault set by a test)
 */
export async function serveStatic(req, res, {url, origin, inboxIdentifier, store, tampered = () => false}) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const head = req.method === 'HEAD';
  const path = url.pathname;
  const page = {'content-security-policy': CSP, 'cache-control': 'no-cache'};

  const redirect = /^\/rails\/active_storage\/(?:blobs|representations)\/redirect\/([a-f0-9]+)\/([^/]+)$/.exec(path);
  if (redirect) {
    reply(res, 302, '', {location: `${origin}/uploads/${redirect[1]}/${redirect[2]}`}, head);
    return true;
  }
  const upload = /^\/uploads\/([a-f0-9]+)\/[^/]+$/.exec(path);
  if (upload) {
    const a = store.data.messages.flatMap((m) => m.attachments).find((x) => x.key === upload[1]);
    const body = a && (await readFile(store.filePath(a.key)).catch(() => null));
    if (!a || !body) return reply(res, 404, 'Not Found', {'content-type': 'text/plain'}, head), true;
    // Served as the type it was stored with; only types a browser shows harmlessly are inline,
    // anything else (HTML, SVG, scripts…) is a download, in a sandbox, never sniffed.
    const inline = INLINE.test(a.content_type);
    reply(res, 200, body, {
      'content-type': a.content_type,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
      'content-security-policy': "default-src 'none'; sandbox",
      'access-control-allow-origin': '*',
      'cache-control': 'private, max-age=3600',
    }, head);
    return true;
  }

  let rel;
  try {
    rel = decodeURIComponent(path);
  } catch {
    return false;
  }
  let file = null;
  if (path === '/cdn' || path === '/cdn/') return serveCdnShop(res, origin, inboxIdentifier, head, url.searchParams.get('lang')), true;
  if (path === '/' || path === '/index.html') file = join(DEMO, 'shop', 'index.html');
  else if (path === '/agent' || path === '/agent/') file = join(DEMO, 'agent', 'index.html');
  else if (path === '/configure' || path === '/configure/') file = join(DEMO, 'configure', 'index.html');
  else if (rel.startsWith('/configure/')) file = inside(join(DEMO, 'configure'), rel.slice(11));
  else if (rel.startsWith('/shop/')) file = inside(join(DEMO, 'shop'), rel.slice(6));
  else if (rel.startsWith('/agent/') && !rel.startsWith('/agent/api/')) file = inside(join(DEMO, 'agent'), rel.slice(7));
  else if (rel.startsWith('/dist/')) file = inside(join(ROOT, 'dist'), rel.slice(6));
  else if (path === '/favicon.ico') return reply(res, 204, '', {}, head), true;
  if (!file) return false;

  let body;
  try {
    body = await readFile(file);
  } catch {
    reply(res, 404, 'Not Found', {'content-type': 'text/plain; charset=utf-8', ...page}, head);
    return true;
  }
  const type = TYPES[path.endsWith('.d.ts') ? '.d.ts' : extname(file)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) {
    // The shop page needs its own origin as the widget's base-url (the default is Akece's cloud).
    const esc = (/** @type {string} */ s) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    body = body.toString('utf8').replaceAll('{{ORIGIN}}', esc(origin)).replaceAll('{{INBOX}}', esc(inboxIdentifier));
  }
  if (rel.startsWith('/dist/')) {
    // The widget's files are served as a CDN serves them: readable from any origin (a module
    // script and an integrity check across origins need CORS).
    if (tampered(path)) body = Buffer.concat([body, Buffer.from('\n// changed on its way to the page\n')]);
    reply(res, 200, body, {'content-type': type, 'access-control-allow-origin': '*', 'cache-control': 'no-cache'}, head);
    return true;
  }
  reply(res, 200, body, {'content-type': type, ...page}, head);
  return true;
}

/**
 * The demo shop as a site that takes the widget from a CDN: the script tag names another origin
 * (this server under the host name `localhost`, while the page is on 127.0.0.1), carries the
 * page's `integrity` for it, and the page's CSP allows scripts from that origin only, no inline
 * style, and enforces Trusted Types (contract §8).
 * @param {import('node:http').ServerResponse} res @param {string} origin @param {string} inboxIdentifier @param {boolean} head
 */
async function serveCdnShop(res, origin, inboxIdentifier, head, lang) {
  const cdn = origin.replace('//127.0.0.1:', '//localhost:');
  const script = await readFile(join(ROOT, 'dist', 'akece-chat.js')).catch(() => null);
  if (!script) return reply(res, 404, 'Build the widget first (npm run build)', {'content-type': 'text/plain; charset=utf-8'}, head);
  const integrity = `sha384-${createHash('sha384').update(script).digest('base64')}`;
  const csp = [
    "default-src 'self'",
    `script-src ${cdn}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self' ws: wss:",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html akece-chat',
  ].join('; ');
  const esc = (/** @type {string} */ text) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const page = (await readFile(join(DEMO, 'shop', 'index.html'), 'utf8'))
    .replace('<script src="/dist/akece-chat.js" defer></script>', `<script src="${esc(cdn)}/dist/akece-chat.js" integrity="${integrity}" crossorigin="anonymous" defer></script>`)
    .replaceAll('{{ORIGIN}}', esc(origin))
    .replaceAll('{{INBOX}}', esc(inboxIdentifier))
    // `?lang=de`: the page's language, so that the widget fetches a catalogue (through its feature index).
    .replace('<html lang="en">', `<html lang="${esc(/^[a-zA-Z-]{2,12}$/.test(lang ?? '') ? lang : 'en')}">`);
  reply(res, 200, page, {'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-cache'}, head);
}
