// 2. Start-up, over N page loads each:
// - from the bundle's first line to the launcher painted (a new visitor: no contact, no request);
// - from a click on the launcher to the panel interactive (visible, composer focused, the history
//   rendered) for a returning visitor whose conversation holds 50 messages.
import {newPage, visitorAttrs} from './lib/browser.mjs';
import {setting} from './lib/env.mjs';
import {summary} from './lib/stats.mjs';

const HISTORY = 50;

export default async function startup({browser, pages, server}) {
  const loads = setting('LOADS', 20, 5);
  const {page} = await newPage(browser);
  const paint = [];
  const parse = [];
  for (let i = 0; i < loads; i++) {
    await page.goto(pages.url({'base-url': server.url, 'inbox-identifier': 'demo-inbox', storage: 'none', _watch: 'launcher'}), {waitUntil: 'load'});
    const r = await page.evaluate(async () => {
      const t = await window.__bench.launcher;
      const start = performance.getEntriesByName('bundle-start')[0].startTime;
      const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/akece-chat.js'));
      return {paint: t - start, fetched: res ? start - res.responseEnd : NaN};
    });
    paint.push(r.paint);
    parse.push(r.fetched);
  }

  const v = await server.visitor('Returning Visitor');
  await server.bulk(v.conversationId, HISTORY);
  const open = [];
  let shown = 0;
  for (let i = 0; i < loads; i++) {
    await page.goto(pages.url(visitorAttrs(server, v)), {waitUntil: 'load'});
    // A returning visitor connects and fetches the history at load; the click comes after.
    await page.waitForFunction(() => {
      const el = document.querySelector('akece-chat');
      return el?.connectionState === 'connected' && el.messages.length > 0;
    }, {timeout: 15000});
    await new Promise((r) => setTimeout(r, 150));
    await page.evaluate(() => {
      window.__click = new Promise((resolve) => document.addEventListener('click', (e) => resolve(e.timeStamp), {capture: true, once: true}));
    });
    await page.click('akece-chat >>> [part~="launcher"]');
    const r = await page.evaluate(async () => {
      const b = window.__bench;
      const el = document.querySelector('akece-chat');
      const focused = () => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.tagName === 'TEXTAREA';
      };
      const t1 = await b.whenPainted(
        () => b.part('panel').some((p) => p.checkVisibility()) && focused() && b.part('message').length >= Math.min(el.messages.length, 20)
      );
      return {ms: t1 - (await window.__click), shown: b.part('message').length, held: el.messages.length};
    });
    open.push(r.ms);
    shown = r.shown;
  }
  await page.close();

  const s1 = summary(paint);
  const s2 = summary(open);
  return {
    rows: [
      {metric: 'script start → launcher painted', value: s1, unit: 'ms', target: '', pass: null, note: `${loads} loads; new visitor, no request`},
      {metric: 'launcher click → panel interactive', value: s2, unit: 'ms', target: '', pass: null, note: `${loads} loads; ${HISTORY} messages on the server, ${shown} rendered (the first page)`},
    ],
    data: {loads, launcherPaintMs: paint, clickToInteractiveMs: open, history: HISTORY, renderedOnOpen: shown, summary: {launcherPaint: s1, clickToInteractive: s2}},
  };
}
