// Node clients of the same server, with timestamps of what they go through:
// - the widget's core: src/protocol/cable.ts `Cable`, bundled for Node, with `ws` as WebSocket;
// - the official Rails client, @rails/actioncable's consumer, with the few browser globals it
//   touches shimmed (as test/server/rails-client.test.mjs does).
import {WebSocket} from 'ws';
import * as ActionCable from '@rails/actioncable';
import {nodeEnvironment} from './build.mjs';

const g = globalThis;
g.addEventListener ??= () => {};
g.removeEventListener ??= () => {};
g.document ??= {visibilityState: 'visible', hidden: false, head: {querySelector: () => null}};
ActionCable.adapters.WebSocket = WebSocket;
ActionCable.adapters.logger = {log() {}};

export const cableUrl = (httpUrl) => `${httpUrl.replace(/^http/, 'ws')}/cable`;

/**
 * `ws` as a browser's WebSocket behaves: an error is an event, never a crash. (`ws` emits
 * 'error' when a socket still connecting is closed, as reconnecting-websocket does on its
 * connection timeout after removing its listeners; with no listener left Node would exit.)
 */
export class QuietWebSocket extends WebSocket {
  constructor(...args) {
    super(...args);
    this.on('error', () => {});
  }
}

/** The widget's core: log of [Date.now(), what] with what = state name or 'subscribed'. */
export function coreClient(Cable, url, token, WS = QuietWebSocket) {
  const log = [];
  const cable = new Cable({url, pubsubToken: token, WebSocket: WS, environment: nodeEnvironment});
  cable.on('state', ({state}) => log.push([Date.now(), state]));
  cable.on('subscribed', () => log.push([Date.now(), 'subscribed']));
  cable.connect();
  return {log, cable, close: () => cable.dispose()};
}

/**
 * The Rails consumer: log of [Date.now(), what] with what = 'connected' (subscription confirmed),
 * 'disconnected' (socket closed) or 'reopen' (its monitor found the connection stale).
 */
export function railsClient(url, token) {
  const log = [];
  const consumer = ActionCable.createConsumer(url);
  consumer.subscriptions.create(
    {channel: 'RoomChannel', pubsub_token: token},
    {
      connected: () => log.push([Date.now(), 'connected']),
      disconnected: () => log.push([Date.now(), 'disconnected']),
      rejected: () => log.push([Date.now(), 'rejected']),
    }
  );
  const conn = consumer.connection;
  const reopen = conn.reopen.bind(conn);
  conn.reopen = () => {
    log.push([Date.now(), 'reopen']);
    return reopen();
  };
  return {log, consumer, close: () => consumer.disconnect()};
}

/** Time of the first log entry at or after `since` whose label is in `labels`. */
export const first = (log, since, ...labels) => log.find(([t, w]) => t >= since && labels.includes(w))?.[0];
