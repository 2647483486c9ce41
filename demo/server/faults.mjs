// Fault injection for the reliability tests: the next N public-API requests that match fail
// the way real networks and servers fail. A fault is set through the agent API:
//   POST   /agent/api/faults {method?, path, status?, drop?, after?, delayMs?, count?}
//   DELETE /agent/api/faults
// `status` answers with that HTTP status (500, 429, …) without doing the work; `drop` cuts the
// connection without an answer; `after` does the work first and then cuts the connection, so
// the client cannot know that its request succeeded; `delayMs` holds the request first (a
// timeout, for a client with a shorter one). Matching is by method and a substring of the path.

/** @typedef {{method?: string, path: string, status?: number, drop?: boolean, after?: boolean, delayMs?: number, count: number}} Fault */

export function createFaults() {
  /** @type {Fault[]} */
  let faults = [];
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
      ['DELETE', /^\/agent\/api\/faults$/, () => void (faults = [])],
    ],
    /**
     * Applies a matching fault to a public-API request. Returns true when the request is answered.
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url
     */
    async intercept(req, res, url) {
      const i = faults.findIndex((f) => (!f.method || f.method === req.method) && url.pathname.includes(f.path));
      if (i < 0 || !url.pathname.startsWith('/public/api/')) return false;
      const f = faults[i];
      if (--f.count <= 0) faults.splice(i, 1);
      if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
      if (f.after) {
        // Let the request do its work, then cut the connection instead of answering.
        res.writeHead = () => res;
        res.end = () => (req.socket.destroy(), res);
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
  };
}
