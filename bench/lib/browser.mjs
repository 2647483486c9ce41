// Headless Chromium (Debian's, with the project's flags) driven by puppeteer-core, and the
// bench page server: a separate origin on 127.0.0.1 that serves the bundle built for this run
// (with the modules it loads from beside itself) and a page with one <akece-chat>, as a site
// owner's page would (the widget then talks to the Akece server cross-origin, as it does in
// production).
import {createServer} from 'node:http';
import {readFileSync, statSync} from 'node:fs';
import {extname, join, normalize, sep} from 'node:path';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, findChromium} from '../../scripts/chromium.mjs';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

export async function launchBrowser() {
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...chromiumArgs, '--window-size=1280,800', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    defaultViewport: {width: 1280, height: 800},
    protocolTimeout: 240000,
  });
}

/**
 * A new page with the probe installed, the HTTP cache off, and a CDP session. `isolated`: in a
 * browser context of its own, so in a renderer process of its own: pages of one origin may share
 * a process, and with it the JS heap that performance.memory reports (closing the page closes
 * its context).
 */
export async function newPage(browser, {isolated = false} = {}) {
  const context = isolated ? await browser.createBrowserContext() : null;
  const page = await (context ?? browser).newPage();
  if (context) {
    const close = page.close.bind(page);
    page.close = async (...args) => {
      await close(...args);
      await context.close();
    };
  }
  await page.setCacheEnabled(false);
  await page.evaluateOnNewDocument(PROBE);
  const cdp = await page.createCDPSession();
  page.on('pageerror', (e) => console.warn(`  page error: ${e.message}`));
  return {page, cdp};
}

/** Used JS heap after a forced full GC, in bytes. */
export async function heapAfterGc(cdp) {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const {usedSize} = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const TYPES = {'.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.css': 'text/css'};

/** The bytes of `path` under `dir`, or undefined for a path outside it or a missing file. */
function fileUnder(dir, path) {
  const file = normalize(join(dir, decodeURIComponent(path)));
  if (!file.startsWith(normalize(dir) + sep)) return undefined;
  try {
    return statSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves GET /w?attr=value… (a page with the widget; `_x` parameters are for the probe), GET
 * /frames (an empty page, for pages of /w in frames), GET /floor?cable=…&token=… (the floor page of
 * the latency and burst benchmarks, bench/floor/bare-socket-page.js), the
 * bundle as /akece-chat.js and every other file of `dir` (the chunks, catalogues and
 * rich-content module the bundle loads from beside itself).
 */
export async function pageServer({widget: bundle, dir}) {
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const scripts = {
    // Marks the moment the bundle starts: defer scripts run in order, back to back.
    '/mark.js': "performance.mark('bundle-start');",
    '/akece-chat.js': bundle,
    '/floor.js': readFileSync(new URL('../floor/bare-socket-page.js', import.meta.url), 'utf8'),
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (scripts[url.pathname] !== undefined) {
      res.writeHead(200, {'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store'});
      return res.end(scripts[url.pathname]);
    }
    if (url.pathname === '/frames') {
      // An empty page of this origin, to hold several widget pages in frames (the tabs bench).
      res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store'});
      return res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tabs</title></head><body></body></html>');
    }
    if (url.pathname === '/floor') {
      // The floor page (bench/floor/bare-socket-page.js): a bare socket appending each message, no widget.
      res.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "script-src 'self'"});
      return res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script src="/floor.js" defer></script></head><body></body></html>');
    }
    if (url.pathname !== '/w') {
      const file = fileUnder(dir, url.pathname);
      if (file === undefined) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, {'content-type': TYPES[extname(url.pathname)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
      return res.end(file);
    }
    const attrs = [...url.searchParams].filter(([k]) => !k.startsWith('_')).map(([k, v]) => (v === '' ? ` ${esc(k)}` : ` ${esc(k)}="${esc(v)}"`)).join('');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "script-src 'self'; style-src 'self'",
    });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>` +
        `<script src="/mark.js" defer></script><script src="/akece-chat.js" defer></script></head>` +
        `<body><h1>A shop</h1><akece-chat${attrs}></akece-chat></body></html>`
    );
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** URL of a page whose <akece-chat> has these attributes. */
    url: (attrs) => `${origin}/w?${new URLSearchParams(attrs)}`,
    /** URL of the floor page for the visitor whose pubsub token is `token`. */
    floorUrl: (cable, token) => `${origin}/floor?${new URLSearchParams({cable, token})}`,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

/** Widget attributes for a known visitor (connects at load) on `server`. */
export const visitorAttrs = (server, v, extra = {}) => ({
  'base-url': server.url,
  'inbox-identifier': 'demo-inbox',
  'pubsub-token': v.token,
  'contact-identifier': v.sourceId,
  ...(v.conversationId ? {'conversation-id': String(v.conversationId)} : {}),
  storage: 'none',
  ...extra,
});
