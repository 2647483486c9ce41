// Page-side reads the benchmarks share: frame arrival and paint times of messages, by id.
import {newPage, visitorAttrs} from './browser.mjs';

/**
 * Opens a page with the widget for visitor `v`, panel open, and waits until it is subscribed
 * (`isolated`: in a renderer process of its own, see newPage).
 */
export async function openWidget({browser, pages, server}, v, extra = {open: ''}, {isolated = false} = {}) {
  const {page, cdp} = await newPage(browser, {isolated});
  await page.goto(pages.url(visitorAttrs(server, v, extra)), {waitUntil: 'load'});
  await page.waitForFunction(() => document.querySelector('akece-chat')?.connectionState === 'connected', {timeout: 20000});
  // Let the history load and the first render settle before anything is timed.
  await page.waitForFunction(() => !document.querySelector('akece-chat').shadowRoot.querySelector('[part~="panel"]') || true);
  await new Promise((r) => setTimeout(r, 300));
  return {page, cdp};
}

/** Forgets what the probe recorded so far. */
export const resetProbe = (page) =>
  page.evaluate(() => {
    const b = window.__bench;
    b.frames.length = 0;
    b.seen.clear();
    b.painted.clear();
  });

/**
 * For every message.created frame received since the last reset: {id, arrival, seen, painted}
 * (page clock, ms); seen/painted are undefined for a message not (yet) rendered.
 */
export const messageTimes = (page) =>
  page.evaluate(() => {
    const b = window.__bench;
    const out = [];
    for (const [t, data] of b.frames) {
      if (!data.includes('message.created')) continue;
      let f;
      try {
        f = JSON.parse(data);
      } catch {
        continue;
      }
      if (f?.message?.event !== 'message.created') continue;
      const k = String(f.message.data.id);
      out.push({id: f.message.data.id, arrival: t, seen: b.seen.get(k), painted: b.painted.get(k)});
    }
    return out;
  });

/** Ids painted so far. */
export const paintedCount = (page) => page.evaluate(() => window.__bench.painted.size);

/**
 * Opens the floor page (bench/floor/bare-socket-page.js) for visitor `v`: a bare socket that
 * appends each message, measured by the same probe; waits until it is subscribed.
 */
export async function openFloor({browser, pages, server}, v) {
  const {page, cdp} = await newPage(browser);
  await page.goto(pages.floorUrl(`${server.url.replace(/^http/, 'ws')}/cable`, v.token), {waitUntil: 'load'});
  await page.waitForFunction(() => window.__floor?.subscribed === true, {timeout: 20000});
  return {page, cdp};
}
