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

/**
 * A fresh page with the shop and its widget, configured by `attrs` once loaded. `visitor: 'new'`
 * opens it in a browser context of its own: another visitor, with storage of their own.
 */
async function shop({width = 1100, height = 760, attrs = {}, scheme = 'light', visitor = 'same'} = {}) {
  const page = visitor == 'new' ? await (await browser.createBrowserContext()).newPage() : await browser.newPage();
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

// ── The states of contract §9–§12, each in the look it is most often seen in, and the hard cases
// (phone width, dark, right to left). Each scene is a visitor of its own.

/** Clicks the first element with `part` inside the widget, through nested shadow roots. */
const clickPart = (page, name) =>
  widget(page, (wanted) => {
    const walk = (root) => {
      const found = root.querySelector(`[part~="${wanted}"]`);
      if (found) return found;
      for (const child of root.querySelectorAll('*')) {
        const inner = child.shadowRoot && walk(child.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const target = walk(document.querySelector('akece-chat').shadowRoot);
    if (!target) throw new Error(`no part ${wanted}`);
    target.click();
  }, name);
/** The conversation with the newest activity (the visitor who just wrote). */
const newestConversation = async () => (await agent('/conversations'))[0];

// Several conversations: the list (light, desktop).
const many = await shop({visitor: 'new'});
await widget(many, () => document.querySelector('akece-chat').show());
await many.waitForFunction(() => document.querySelector('akece-chat').connectionState === 'connected');
await widget(many, () => document.querySelector('akece-chat').sendMessage('Where is my order NW-2231?'));
const older = await newestConversation();
await agent(`/conversations/${older.id}/messages`, {content: 'It left our warehouse this morning.'});
await agent(`/conversations/${older.id}/status`, {status: 'resolved'});
await widget(many, () => document.querySelector('akece-chat').startConversation());
await widget(many, () => document.querySelector('akece-chat').sendMessage('Can I change the delivery address?'));
await sleep(500);
await clickPart(many, 'back-button');
await shot(many, 'conversations-light');

// A reply quoting the visitor, then the emoji picker (dark).
await clickPart(many, 'conversation-item');
const current = await newestConversation();
const visitorMessage = (await agent(`/conversations/${current.id}/messages`)).find((message) => message.message_type === 0);
await agent(`/conversations/${current.id}/messages`, {content: 'Yes, until it ships. Which address should we use?', content_attributes: {in_reply_to: visitorMessage.id}});
await widget(many, () => document.querySelector('akece-chat').setAttribute('theme', 'dark'));
await shot(many, 'reply-quote-dark');
await clickPart(many, 'emoji-button');
await shot(many, 'emoji-dark');

// Files in the composer's tray (phone, light).
const files = await shop({width: 390, height: 760, visitor: 'new'});
await widget(files, () => document.querySelector('akece-chat').show());
await files.waitForFunction(() => document.querySelector('akece-chat').shadowRoot.querySelector('akece-composer'));
await widget(files, async () => {
  const canvas = Object.assign(document.createElement('canvas'), {width: 120, height: 90});
  const context = canvas.getContext('2d');
  context.fillStyle = '#3b82f6';
  context.fillRect(0, 0, 120, 90);
  context.fillStyle = '#fbbf24';
  context.fillRect(30, 20, 60, 50);
  const photo = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const composer = document.querySelector('akece-chat').shadowRoot.querySelector('akece-composer');
  await composer.addFiles([new File([photo], 'trail-runner.png', {type: 'image/png'}), new File(['%PDF-1.4 receipt'], 'receipt-2231.pdf', {type: 'application/pdf'})]);
});
await shot(files, 'attachments-phone');

// The pre-chat form, in Hebrew (right to left, phone).
const form = await shop({width: 390, height: 760, attrs: {locale: 'he', 'pre-chat': ''}, visitor: 'new'});
await widget(form, () => document.querySelector('akece-chat').show());
await sleep(800);
await shot(form, 'pre-chat-hebrew-phone');

// A new visitor's conversation before its first message: the log invites it (phone, dark).
const fresh = await shop({width: 390, height: 760, scheme: 'dark', visitor: 'new'});
await widget(fresh, () => document.querySelector('akece-chat').show());
await fresh.waitForFunction(() => document.querySelector('akece-chat').connectionState === 'connected');
await shot(fresh, 'new-visitor-phone-dark');

// Away: outside working hours, the header says when the team is back, and the visitor is asked
// for an email with the first message (light, desktop).
await fetch(`${server.url}/agent/api/inbox`, {
  method: 'PATCH',
  headers: {'content-type': 'application/json'},
  body: JSON.stringify({working_hours_enabled: true, working_hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({day_of_week: day, closed_all_day: true}))}),
});
const away = await shop({visitor: 'new', attrs: {'away-mode': 'email', 'reply-time': 'hours', greeting: 'Hi! Ask us anything about sizes, orders or returns.'}});
await widget(away, () => document.querySelector('akece-chat').show());
await sleep(800);
await shot(away, 'away-light');
await fetch(`${server.url}/agent/api/inbox`, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify({working_hours_enabled: false})});

// Previews beside the closed launcher (dark).
const reached = await shop({scheme: 'dark', visitor: 'new'});
await widget(reached, () => document.querySelector('akece-chat').sendMessage('Do you ship to Norway?'));
const asked = await newestConversation();
await widget(reached, () => document.querySelector('akece-chat').hide());
await agent(`/conversations/${asked.id}/messages`, {content: 'We do! Delivery to Norway takes 3–5 working days.'});
await sleep(800);
await shot(reached, 'previews-dark');

// An ended conversation with its survey (light, desktop).
await agent(`/conversations/${asked.id}/status`, {status: 'resolved'});
await agent(`/conversations/${asked.id}/messages`, {content: 'Please rate the conversation', content_type: 'input_csat', message_type: 'template', content_attributes: {display_type: 'emoji'}});
await widget(reached, () => {
  const el = document.querySelector('akece-chat');
  el.setAttribute('theme', 'light');
  el.show();
});
await sleep(800);
await shot(reached, 'ended-survey');

await browser.close();
await server.close();
