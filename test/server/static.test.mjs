// The pages: demo shop and agent console under a strict CSP, the built widget, no traversal.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {request} from 'node:http';
import {start} from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' ws: wss:";
const BUNDLE = new URL('../../dist/akece-chat.js', import.meta.url);

/** A raw GET, to send a path or Host header that fetch would normalise. @param {string} base @param {string} path @param {Record<string, string>} [headers] */
function rawGet(base, path, headers = {}) {
  const {hostname, port} = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({hostname, port, path, headers}, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({status: res.statusCode, body}));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static pages', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let server;
  before(async () => {
    server = await start({inboxIdentifier: 'shop-inbox'});
  });
  after(() => server.close());

  test('the shop page loads the widget with this origin as base-url, under the strict CSP', async () => {
    const res = await fetch(`${server.url}/`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-security-policy'), CSP);
    const html = await res.text();
    assert.match(html, /<script src="\/dist\/akece-chat\.js" defer><\/script>/);
    assert.match(html, new RegExp(`<akece-chat inbox-identifier="shop-inbox" base-url="${server.url}">`));
    assert.ok(!html.includes('{{'), 'every placeholder is filled');
  });

  test('base-url follows the Host the browser used, and a hostile Host is not echoed', async () => {
    const local = /** @type {any} */ (await rawGet(server.url, '/', {host: `localhost:${server.port}`}));
    assert.match(local.body, new RegExp(`base-url="http://localhost:${server.port}"`));
    const evil = /** @type {any} */ (await rawGet(server.url, '/', {host: '"><script>x</script>'}));
    assert.ok(!evil.body.includes('<script>x'));
    assert.match(evil.body, new RegExp(`base-url="${server.url}"`));
  });

  test('the agent console and its module are served with the CSP', async () => {
    for (const path of ['/agent', '/agent/']) {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-security-policy'), CSP);
      assert.match(await res.text(), /<script type="module" src="\/agent\/agent\.js"><\/script>/);
    }
    const js = await fetch(`${server.url}/agent/agent.js`);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const css = await fetch(`${server.url}/agent/agent.css`);
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal((await fetch(`${server.url}/shop/shop.css`)).status, 200);
    assert.equal((await fetch(`${server.url}/shop/shoe.svg`)).headers.get('content-type'), 'image/svg+xml');
  });

  test('no page needs inline script or style', () => {
    for (const file of ['../../demo/shop/index.html', '../../demo/agent/index.html']) {
      const html = readFileSync(new URL(file, import.meta.url), 'utf8');
      assert.equal(/<script(?![^>]*\ssrc=)[^>]*>/.test(html), false, `${file}: inline <script>`);
      assert.equal(/<style[\s>]/.test(html), false, `${file}: <style>`);
      assert.equal(/\sstyle=/.test(html), false, `${file}: style attribute`);
      assert.equal(/\son[a-z]+=/.test(html), false, `${file}: inline handler`);
    }
  });

  test('serves the built widget from dist/', {skip: !existsSync(BUNDLE) && 'dist/akece-chat.js not built'}, async () => {
    const res = await fetch(`${server.url}/dist/akece-chat.js`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal((await res.text()).length, readFileSync(BUNDLE, 'utf8').length);
  });

  test('refuses path traversal and unknown files', async () => {
    for (const path of ['/dist/../package.json', '/dist/..%2Fpackage.json', '/shop/..%2F..%2Fpackage.json', '/agent/%2e%2e/server/server.mjs']) {
      const r = /** @type {any} */ (await rawGet(server.url, path));
      assert.equal(r.status, 404, path);
      assert.ok(!r.body.includes('"name"'), path);
    }
    assert.equal((await fetch(`${server.url}/nothing-here`)).status, 404);
    assert.equal((await fetch(`${server.url}/dist/missing.js`)).status, 404);
  });

  test('HEAD works like GET without a body', async () => {
    const res = await fetch(`${server.url}/`, {method: 'HEAD'});
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
  });
});
