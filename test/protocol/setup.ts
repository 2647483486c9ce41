// A Cable on FakeWebSocket + FakeEnvironment + sinon fake timers, with a log of what it emitted.
import sinon from 'sinon';
import {Cable, type CableEventMap, type CableOptions} from '../../src/protocol/cable.js';
import {FakeEnvironment, fakeSockets, type FakeWebSocket} from '../../src/protocol/testing.js';
import {TOKEN, confirm, ping, welcome} from '../helpers/frames.js';

export const CABLE_URL = 'wss://chat.example/cable';

export function setup(options: Partial<CableOptions> = {}) {
  const clock = sinon.useFakeTimers({now: 1_700_000_000_000, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date']});
  const net = fakeSockets();
  const env = new FakeEnvironment();
  // random() = 0 makes every backoff delay its 0.5 s floor: deterministic and easy to read.
  const cable = new Cable({url: CABLE_URL, pubsubToken: TOKEN, WebSocket: net.WebSocket, environment: env, random: () => 0, ...options});
  const log = {
    states: [] as CableEventMap['state']['state'][],
    events: [] as CableEventMap['event'][],
    errors: [] as CableEventMap['error'][],
    subscribed: [] as boolean[],
  };
  cable.on('state', ({state}) => log.states.push(state));
  cable.on('event', (e) => log.events.push(e));
  cable.on('error', (e) => log.errors.push(e));
  cable.on('subscribed', ({resumed}) => log.subscribed.push(resumed));

  const last = (): FakeWebSocket => {
    if (!net.last) throw new Error('no socket opened');
    return net.last;
  };
  /** Lets RWS run its 0 ms wait and promise chain (and any timers due by `ms`). */
  const tick = (ms = 0) => clock.tickAsync(ms);
  /** Opens the next socket (after `wait` ms) and completes welcome + confirm on it. */
  const subscribe = async (wait = 0) => {
    await tick(wait);
    const ws = last();
    ws.accept();
    await ws.receive(welcome());
    await ws.receive(confirm());
    return ws;
  };
  /** connect(), and the first socket open and welcomed (the cable has sent subscribe). */
  const welcomed = async () => {
    cable.connect();
    await tick();
    const ws = last();
    ws.accept();
    await ws.receive(welcome());
    return ws;
  };
  /** connect(), and the first socket subscribed. */
  const connected = () => (cable.connect(), subscribe());
  /**
   * How many sockets exist 1 ms before and exactly `ms` after the reconnect wait starts (RWS's own
   * 0 ms wait comes first: 1 ms under fake timers when scheduled inside a tick).
   */
  const socketsAround = async (ms: number) => {
    await tick(1);
    await tick(ms - 1);
    const before = net.sockets.length;
    await tick(1);
    return [before, net.sockets.length];
  };
  /**
   * Advances time 50 ms at a time until the cable opens a socket beyond the first `count`; fails
   * past the 30 s backoff cap. Resolves to how long that took.
   */
  const nextSocket = async (count = net.sockets.length) => {
    const start = Date.now();
    while (net.sockets.length <= count) {
      if (Date.now() - start > 31_000) throw new Error(`no socket after ${count} within 31 s (state ${cable.state})`);
      await tick(50);
    }
    return Date.now() - start;
  };
  /** Advances time by `ms`, with the server pinging every 3 s like ActionCable. */
  const alive = async (ms: number) => {
    for (let t = 0; t < ms; t += 3000) {
      await tick(Math.min(3000, ms - t));
      if (last().readyState == 1) await last().receive(ping());
    }
  };
  /** Frames of a type the client sent on a socket. */
  const sent = (ws: FakeWebSocket, command: string) => ws.frames.filter((f) => f.command == command);
  const presences = (ws: FakeWebSocket) =>
    sent(ws, 'message').filter((f) => JSON.parse(f.data as string).action == 'update_presence').length;

  return {clock, net, env, cable, log, last, tick, subscribe, welcomed, connected, socketsAround, nextSocket, alive, sent, presences};
}
