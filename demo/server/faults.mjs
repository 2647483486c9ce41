// Fault injection for the reliability tests: the next N public-API requests that match fail
// the way real networks and servers fail. A fault is set through the agent API:
//   POST   /agent/api/faults {method?, path, status?, drop?, after?, delayMs?, count?}
//   DELETE /agent/api/faults
//   GET    /agent/api/faults  → {faults, heldBroadcasts}: how many are set, and how many socket
//          broadcasts are being held back now (a test waits for 0 instead of sleeping)
// `status` answers with that HTTP status (500, 429, …) without doing the work; `drop` cuts the
// connection without an answer; `after` does the work first and then cuts the connection half
// way through the answer, so the client cannot know that its request succeeded; `delayMs` holds
// the request first (a timeout, for a client with a shorter one); `answerDelayMs` does the work
// and holds the answer (its socket events reach the page first). Matching is by method and a
// substring of the path.
// `bytesPerSecond` reads the request's body no faster than that, so a browser's upload
// progress moves visibly (the socket's buffers fill and TCP holds the sender back); the request
// then runs as usual.
// Widget files can be changed on their way: {path, tamper: true} appends a line to the next
// `count` files under /dist/ whose path contains `path` (an integrity check must refuse them).
// Socket events fail too: {event, delayMs?, twice?, count?} holds the next `count` broadcasts of
// that event (`message.created`, …) for `delayMs`, or delivers them twice, so events reach the
// page late, out of order and duplicated, as they do behind real proxies and reconnects.
// Why `after` sends half an answer rather than none: a browser that sees a kept-alive connection
// close before any byte of the answer sends the request again by itself (Chromium does so even
// for a POST), so the server would do the work twice before the page knew anything. That is the
// browser's doing, not the client's; `drop` with `after` models it when a test wants it.

import {Readable} from 'node:stream';

/** @typedef {{method?: string, path: string, event?: string, answerDelayMs?: number, status?: number, drop?: boolean, after?: boolean, twice?: boolean, tamper?: boolean, delayMs?: number, bytesPerSecond?: number, count: number}} Fault */

const SLICES_PER_SECOND = 20;

/**
 * The request's body as a stream that yields at most `bytesPerSecond`; it pulls from the
 * socket only as fast as it yields, so the client is slowed too.
 * @param {import('node:http').IncomingMessage} req @param {number} bytesPerSecond
 */
export function throttledBody(req, bytesPerSecond) {
  const slice = Math.max(1, Math.floor(bytesPerSecond / SLICES_PER_SECOND));
  async function* slowly() {
    for await (const chunk of req) {
      for (let offset = 0; offset < chunk.length; offset += slice) {
        await new Promise((resolve) => setTimeout(resolve, 1000 / SLICES_PER_SECOND));
        yield chunk.subarray(offset, offset + slice);
      }
    }
  }
  return Object.assign(Readable.from(slowly(), {objectMode: false}), {headers: req.headers});
}

export function createFaults() {
  /** @type {Fault[]} */
  let faults = [];
  /** Socket broadcasts held back by a `delayMs` event fault, not yet delivered. */
  let heldBroadcasts = 0;
  /** Takes one use of the first fault that matches. @param {(f: Fault) => boolean} match */
  const take = (match) => {
    const i = faults.findIndex(match);
    const f = faults[i];
    if (f && --f.count <= 0) faults.splice(i, 1);
    return f;
  };
  return {
    /** @type {import('./http.mjs').Route[]} */
    routes: [
      [
        'POST',
        /^\/agent\/api\/faults$/,
        async (ctx) => {
          const f = (await ctx.body()).fields;
          faults.push({...f, path: String(f.path ?? ''), count: Number(f.count ?? 1)});
          return {faults: faults.length};
        },
      ],
      ['GET', /^\/agent\/api\/faults$/, () => ({faults: faults.length, heldBroadcasts})],
      ['DELETE', /^\/agent\/api\/faults$/, () => void (faults = [])],
    ],
    /**
     * Applies a matching fault to a public-API request. Returns true when the request is answered.
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url
     * @param {() => Promise<unknown>} readBody the request's body, read once and kept for the route
     * @param {(bytesPerSecond: number) => void} [slowBody] makes the route read the body at that rate
     */
    async intercept(req, res, url, readBody, slowBody) {
      if (!url.pathname.startsWith('/public/api/')) return false;
      const f = take((f) => !f.event && !f.tamper && (!f.method || f.method === req.method) && url.pathname.includes(f.path));
      if (!f) return false;
      if (f.bytesPerSecond && slowBody) slowBody(Number(f.bytesPerSecond));
      // Like Puma before Rails, take the whole request in first: a client that gives up
      // waiting does not stop the work.
      if (f.delayMs) await Promise.all([readBody().catch(() => {}), new Promise((r) => setTimeout(r, f.delayMs))]);
      if (f.answerDelayMs) {
        const end = res.end.bind(res);
        res.end = (/** @type {any} */ body) => (setTimeout(() => end(body), f.answerDelayMs), res);
        return false;
      }
      if (f.after && f.drop) {
        // Let the request do its work, then cut the connection before the answer starts.
        res.writeHead = () => res;
        res.end = () => (req.socket.destroy(), res);
        return false;
      }
      if (f.after) {
        // Let the request do its work, then send the head and half the body, and cut.
        res.end = (body) => {
          const bytes = Buffer.from(body ?? '');
          res.flushHeaders();
          res.write(bytes.subarray(0, bytes.length >> 1));
          req.socket.end(); // fewer bytes than the content-length announced
          return res;
        };
        return false;
      }
      if (f.drop) return req.socket.destroy(), true;
      if (f.status) {
        res.writeHead(f.status, {'content-type': 'text/plain'});
        res.end(f.status === 429 ? 'Retry later\n' : 'Internal Server Error');
        return true;
      }
      return false;
    },
    /** Whether to change the widget file at `path` on its way (takes one use of a tamper fault). @param {string} path */
    tampers(path) {
      return Boolean(take((f) => Boolean(f.tamper) && path.includes(f.path)));
    },
    /**
     * Delivers one socket broadcast of `event`: now, late, or twice, as a matching fault says.
     * @param {string} event @param {() => void} deliver
     */
    deliver(event, deliver) {
      const f = take((f) => f.event === event);
      const run = () => (deliver(), f?.twice && deliver());
      if (f?.delayMs) {
        heldBroadcasts++;
        setTimeout(() => (heldBroadcasts--, run()), f.delayMs).unref();
      } else run();
    },
  };
}
