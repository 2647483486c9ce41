// `npm run screenshots`: renders the widget in headless Chromium against the local server, in its
// main states and both themes, to docs/screenshots/*.png (the README shows them). Builds first.
import puppeteer from 'puppeteer-core';
import {execFileSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {startServer} from '../demo/server/server.mjs';
import {findChromium, chromiumArgs} from './chromium.mjs';

const OUT = 'docs/screenshots';
if (!process.argv.includes('--no-build')) {
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], {stdio: 'inherit'});
  } catch {
    console.warn('screenshots: the build reported a problem; using what it wrote to dist/');
  }
}
mkdirSync(OUT, {recursive: true});

const server = await startServer({port: 0});
const browser = await puppeteer.launch({executablePath: findChromium(), args: chromiumArgs, headless: true});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const agent = (path, body) =>
  fetch(`${server.url}/agent/api${path}`, {method: body ? 'POST' : 'GET', headers: {'content-type': 'application/json'}, body: body && JSON.stringify(body)}).then((r) => r.json());

/** A fresh page with the shop and its widget, configured by `setup` before the first paint. */
async function shop({width = 1100, height = 760, attrs = {}, scheme = 'light'} = {}) {
  const page = await browser.newPage();
  await page.setViewport({width, height, deviceScaleFactor: 1});
  await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}, {name: 'prefers-reduced-motion', value: 'reduce'}]);
  await page.goto(server.url + '/', {waitUntil: 'networkidle0'});
  await page.waitForFunction(() => customElements.get('akece-chat'));
  await page.evaluate((a) => {
    const el = document.querySelector('akece-chat');
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
  }, attrs);
  return page;
}

const widget = (page, fn, arg) => page.evaluate(fn, arg);
const shot = async (page, name) => {
  await sleep(300);
  await page.screenshot({path: `${OUT}/${name}.png`});
  console.log(`${OUT}/${name}.png`);
};

// A conversation to show: the visitor asks, the agent answers with Markdown and a bot question.
const first = await shop();
await widget(first, () => document.querySelector('akece-chat').show());
await first.waitForFunction(() => document.querySelector('akece-chat').connectionState === 'connected');
await widget(first, () => document.querySelector('akece-chat').sendMessage('Hi! Do the Trail Runner 2 run true to size?'));
const [conv] = await agent('/conversations');
await agent(`/conversations/${conv.id}/messages`, {content: 'Hi there! They run **true to size**. If you are between sizes, take the larger one.\n\nSee our [size guide](https://example.com/sizes).'});
await agent(`/conversations/${conv.id}/messages`, {content: 'Anything else I can help with?', content_type: 'input_select', content_attributes: {items: [{title: 'Shipping times', value: 'shipping'}, {title: 'Returns', value: 'returns'}]}});
await agent(`/conversations/${conv.id}/typing`, {on: true});
await shot(first, 'open-light');

await widget(first, () => document.querySelector('akece-chat').setAttribute('theme', 'dark'));
await shot(first, 'open-dark');

await widget(first, () => {
  const el = document.querySelector('akece-chat');
  el.setAttribute('theme', 'light');
  el.hide();
});
await agent(`/conversations/${conv.id}/typing`, {on: false});
await agent(`/conversations/${conv.id}/messages`, {content: 'Your order has shipped!'});
await agent(`/conversations/${conv.id}/messages`, {content: 'Tracking: NW-2231'});
await shot(first, 'closed-unread');

await first.setOfflineMode(true);
await widget(first, () => document.querySelector('akece-chat').show());
await first.waitForFunction(() => document.querySelector('akece-chat').connectionState === 'offline');
await shot(first, 'offline');
await first.setOfflineMode(false);

const phone = await shop({width: 390, height: 760});
await widget(phone, () => document.querySelector('akece-chat').show());
await shot(phone, 'phone');

const arabic = await shop({attrs: {locale: 'ar'}, scheme: 'dark'});
await widget(arabic, () => document.querySelector('akece-chat').show());
await sleep(500);
await shot(arabic, 'arabic-dark');

const broken = await shop({attrs: {'inbox-identifier': 'no-such-inbox', storage: 'none'}});
await widget(broken, () => document.querySelector('akece-chat').show());
await sleep(1500);
await shot(broken, 'error');

await browser.close();
await server.close();
