// The ActionCable side (`/cable`), behaving like Rails ActionCable with Chatwoot's RoomChannel:
// welcome on open, a ping every 3 s, confirm only for a known contact token and total silence
// for an unknown one, identifiers echoed byte for byte, bad input ignored without closing.
import {WebSocketServer} from 'ws';

const PROTOCOL = 'actioncable-v1-json';

/**
 * @typedef {import('ws').WebSocket & {subs: Map<string, string | null>, origin: string, tcp?: import('node:stream').Duplex}} CableSocket
 * @typedef {(origin: string) => unknown} Build payload builder, called once per origin
 */

/**
 * @param {{pingMs?: number, isToken: (token: string) => boolean,
 *   presence: (token: string) => unknown, originOf: (req: import('node:http').IncomingMessage) => string,
 *   deliver?: (event: string, send: () => void) => void}} opts `deliver` sends a broadcast (fault injection may hold or repeat it)
 */
export function createCable({pingMs = 3000, isToken, presence, originOf, deliver = (_event, send) => send()}) {
  const wss = new WebSocketServer({
    noServer: true,
    // Rails picks the first protocol it supports; a socket offering none is accepted too.
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  });
  /** @type {Set<CableSocket>} */
  const sockets = new Set();
  const timer = setInterval(() => {
    const frame = JSON.stringify({type: 'ping', message: Math.floor(Date.now() / 1000)});
    for (const ws of sockets) ws.send(frame);
  }, pingMs);
  timer.unref();

  /** @param {string} token @param {string} event @param {Build} build */
  function broadcast(token, event, build) {
    /** @type {Map<string, unknown>} */
    const byOrigin = new Map();
    /** @type {[CableSocket, string][]} */
    const out = [];
    for (const ws of sockets) {
      for (const [identifier, subToken] of ws.subs) {
        if (subToken !== token) continue;
        if (!byOrigin.has(ws.origin)) byOrigin.set(ws.origin, build(ws.origin));
        out.push([ws, JSON.stringify({identifier, message: {event, data: byOrigin.get(ws.origin)}})]);
      }
    }
    if (out.length) deliver(event, () => out.forEach(([ws, frame]) => ws.readyState === ws.OPEN && ws.send(frame)));
  }

  /** @param {CableSocket} ws @param {string} identifier */
  function subscribe(ws, identifier) {
    if (ws.subs.has(identifier)) return; // Rails ignores a repeated identifier on one connection
    /** @type {{channel?: unknown, pubsub_token?: unknown, user_id?: unknown}} */
    let params;
    try {
      params = JSON.parse(identifier);
    } catch {
      return;
    }
    if (!params || typeof params !== 'object' || params.channel !== 'RoomChannel') return;
    const token = params.pubsub_token;
    // Unknown token (or an agent identifier we don't serve): stored as failed, never answered.
    const ok = typeof token === 'string' && params.user_id === undefined && isToken(token);
    ws.subs.set(identifier, ok ? /** @type {string} */ (token) : null);
    if (!ok) return;
    ws.send(JSON.stringify({identifier, type: 'confirm_subscription'}));
    broadcast(/** @type {string} */ (token), 'presence.update', () => presence(/** @type {string} */ (token)));
  }

  /** @param {CableSocket} ws @param {string} identifier @param {unknown} data */
  function perform(ws, identifier, data) {
    const token = ws.subs.get(identifier);
    if (!token || typeof data !== 'string') return;
    let action;
    try {
      action = JSON.parse(data)?.action;
    } catch {
      return;
    }
    if (action === 'update_presence') broadcast(token, 'presence.update', () => presence(token));
  }

  /** @param {CableSocket} ws @param {import('ws').RawData} raw @param {boolean} binary */
  function receive(ws, raw, binary) {
    if (binary) return;
    let cmd;
    try {
      cmd = JSON.parse(raw.toString());
    } catch {
      return;
    }
    if (!cmd || typeof cmd !== 'object' || typeof cmd.identifier !== 'string') return;
    if (cmd.command === 'subscribe') subscribe(ws, cmd.identifier);
    else if (cmd.command === 'unsubscribe') ws.subs.delete(cmd.identifier);
    else if (cmd.command === 'message') perform(ws, cmd.identifier, cmd.data);
  }

  wss.on('connection', (/** @type {CableSocket} */ ws, /** @type {import('node:http').IncomingMessage} */ req) => {
    ws.subs = new Map();
    ws.origin = originOf(req);
    sockets.add(ws);
    ws.on('message', (raw, binary) => receive(ws, raw, binary));
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
    ws.send(JSON.stringify({type: 'welcome'}));
  });

  return {
    broadcast,
    /** Send a raw text frame to every socket subscribed with `token` (fault tests). @param {string} token @param {string} frame */
    raw(token, frame) {
      let n = 0;
      for (const ws of sockets) if ([...ws.subs.values()].includes(token)) (ws.send(frame), n++);
      return n;
    },
    /** Drop every socket at the TCP level, as a crashed proxy would. */
    dropAll() {
      const n = sockets.size;
      for (const ws of sockets) ws.terminate();
      return n;
    },
    get size() {
      return sockets.size;
    },
    /** @param {import('node:http').IncomingMessage} req @param {import('node:stream').Duplex} socket @param {Buffer} head */
    upgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        /** @type {CableSocket} */ (ws).tcp = socket;
        wss.emit('connection', ws, req);
      });
    },
    /**
     * Runs `send` with every socket corked, so that what it broadcasts leaves in one write per
     * socket: frames sent "at once" reach the page at once, however long the server took to make
     * them. @template T @param {() => T} send
     */
    together(send) {
      const corked = [...sockets].flatMap((ws) => (ws.tcp ? [ws.tcp] : []));
      for (const tcp of corked) tcp.cork();
      try {
        return send();
      } finally {
        for (const tcp of corked) tcp.uncork();
      }
    },
    close() {
      clearInterval(timer);
      for (const ws of sockets) ws.terminate();
      sockets.clear();
      wss.close();
    },
  };
}

/** @typedef {ReturnType<typeof createCable>} Cable */
