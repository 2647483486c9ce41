// The local Akece-compatible server: ActionCable at /cable, the public client API, the agent
// API and console, the demo shop. `startServer()` is what tests and the CLI (main.mjs) use.
import {createServer} from 'node:http';
import {agentRoutes, createAgentHub} from './agent-api.mjs';
import {publicRoutes} from './api.mjs';
import {createCable} from './cable.mjs';
import {createChat} from './chat.mjs';
import {cors, dispatch, HttpError, notFound, originOf, readBody, send} from './http.mjs';
import {serveStatic} from './static.mjs';
import {createStore} from './store.mjs';
import {createFaults, throttledBody} from './faults.mjs';

/**
 * @typedef {{port?: number, host?: string, inboxIdentifier?: string, dataFile?: string,
 *   quiet?: boolean, pingMs?: number, floodLimit?: number}} ServerOptions
 */

/**
 * Start the server. Resolves once it listens; `close()` ends sockets, streams and timers.
 * @param {ServerOptions} [options]
 */
export async function startServer({
  port = 0,
  host = '127.0.0.1',
  inboxIdentifier = 'demo-inbox',
  dataFile,
  quiet = true,
  pingMs = 3000,
  floodLimit = 200,
} = {}) {
  const store = createStore({dataFile});
  let fallbackOrigin = '';
  const hub = createAgentHub();
  /** @type {import('./chat.mjs').Chat} */
  let chat;
  const faults = createFaults();
  const cable = createCable({
    pingMs,
    deliver: faults.deliver,
    isToken: (token) => Boolean(store.byToken(token)),
    presence: () => chat.presence(),
    originOf: (req) => originOf(req, fallbackOrigin),
  });
  chat = createChat({store, cable, agents: hub, floodLimit});
  const routes = [...publicRoutes({store, chat, inboxIdentifier}), ...agentRoutes({store, chat, cable, hub, inboxIdentifier}), ...faults.routes];
  const log = quiet ? () => {} : (/** @type {string} */ line) => console.log(line);

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const origin = originOf(req, fallbackOrigin);
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, 400, {status: 400, error: 'Bad Request'});
    }
    const api = url.pathname.startsWith('/public/api/') || url.pathname.startsWith('/agent/api/');
    res.on('finish', () => log(`${req.method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`));
    try {
      if (api) {
        cors(req, res);
        if (req.method === 'OPTIONS') return send(res, 200);
        /** @type {Promise<Awaited<ReturnType<typeof readBody>>> | undefined} */
        let body;
        /** @type {import('node:http').IncomingMessage} the body's source: the request, or a slowed copy */
        let source = req;
        const ctx = {req, res, url, origin, body: () => (body ??= readBody(source))};
        const slowBody = (/** @type {number} */ rate) => (source = /** @type {any} */ (throttledBody(req, rate)));
        if (await faults.intercept(req, res, url, ctx.body, slowBody)) return;
        if (!(await dispatch(routes, ctx))) throw notFound();
      } else if (!(await serveStatic(req, res, {url, origin, inboxIdentifier, store, tampered: (path) => faults.tampers(path)}))) {
        throw notFound();
      }
    } catch (err) {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return send(res, err.status, err.body);
      console.error(err);
      send(res, 500, {status: 500, error: 'Internal Server Error'});
    }
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (new URL(req.url ?? '/', 'http://localhost').pathname === '/cable') cable.upgrade(req, socket, head);
    else socket.destroy();
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  fallbackOrigin = url;

  /** @type {Promise<void> | undefined} */
  let closing;
  return {
    url,
    port: address.port,
    inboxIdentifier,
    store,
    chat,
    cable,
    /** Stop listening, drop every socket and stream, stop the timers. */
    close() {
      closing ??= new Promise((resolve) => {
        cable.close();
        hub.close();
        server.close(() => resolve(undefined));
        server.closeAllConnections();
        store.dispose();
      });
      return closing;
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startServer>>} RunningServer */
