import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {FakeTransport, fakeSockets} from '../../src/protocol/testing.js';
import {WebSocketTransport, type TransportHandlers} from '../../src/protocol/transport.js';
import {describeTransportContract} from './transport-contract.js';

const CABLE_URL = 'wss://chat.example/cable';
const HANDSHAKE_TIMEOUT_MS = 6000;

describeTransportContract('WebSocketTransport', (handlers) => {
  const net = fakeSockets();
  const transport = new WebSocketTransport({url: CABLE_URL, WebSocket: net.WebSocket, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS}, handlers);
  const current = () => {
    if (!net.last) throw new Error('no socket opened');
    return net.last;
  };
  return {
    transport,
    server: {
      attempts: () => net.sockets.length,
      sent: () => net.sockets.flatMap((socket) => socket.sent),
      accept: () => current().accept(),
      receive: (text) => current().receive(text),
      drop: () => current().drop(),
      fail: () => current().fail(),
    },
  };
});

describeTransportContract('FakeTransport', (handlers) => {
  const transport = new FakeTransport(handlers);
  return {
    transport,
    server: {
      attempts: () => transport.attempts,
      sent: () => transport.sent,
      accept: () => transport.accept(),
      receive: (text) => transport.receive(text),
      drop: () => transport.drop(),
      fail: () => transport.fail(),
    },
  };
});

describe('WebSocketTransport', () => {
  let clock: sinon.SinonFakeTimers;
  const calls: string[] = [];
  const handlers: TransportHandlers = {
    onWaiting: () => calls.push('waiting'),
    onOpen: () => calls.push('open'),
    onMessage: () => calls.push('message'),
    onClose: () => calls.push('close'),
    onError: () => calls.push('error'),
  };
  beforeEach(() => {
    clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
    calls.length = 0;
  });
  afterEach(() => clock.restore());

  it('opens its sockets on the URL, offering actioncable-v1-json', async () => {
    const net = fakeSockets();
    const transport = new WebSocketTransport({url: CABLE_URL, WebSocket: net.WebSocket, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS}, handlers);
    await clock.tickAsync(1);
    transport.proceed();
    await clock.tickAsync(1);
    expect(net.sockets).to.have.length(1);
    expect(net.sockets[0].url).to.equal(CABLE_URL);
    expect(net.sockets[0].protocols).to.equal('actioncable-v1-json');
    transport.close();
    expect(net.sockets[0].readyState).to.equal(3);
  });

  it('gives up a handshake that takes longer than handshakeTimeoutMs, as a failure', async () => {
    const net = fakeSockets();
    const transport = new WebSocketTransport({url: CABLE_URL, WebSocket: net.WebSocket, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS}, handlers);
    await clock.tickAsync(1);
    transport.proceed();
    await clock.tickAsync(HANDSHAKE_TIMEOUT_MS - 1);
    expect(net.sockets[0].readyState).to.equal(0);
    await clock.tickAsync(1);
    expect(net.sockets[0].readyState).to.equal(3);
    await clock.tickAsync(1);
    expect(calls).to.deep.equal(['waiting', 'close', 'error', 'waiting']);
    transport.close();
  });

  it('throws when there is no WebSocket constructor to use', () => {
    expect(() => new WebSocketTransport({url: CABLE_URL, WebSocket: {}, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS}, handlers)).to.throw();
  });
});

describe('FakeTransport', () => {
  it('refuses what a real socket could not do: accepting without an attempt, receiving while closed', async () => {
    const transport = new FakeTransport({onWaiting() {}, onOpen() {}, onMessage() {}, onClose() {}, onError() {}});
    expect(() => transport.accept()).to.throw(/no connection attempt/);
    expect(() => transport.receive('{}')).to.throw(/no open socket/);
    await Promise.resolve();
    transport.proceed();
    expect(transport.connecting).to.equal(true);
    transport.accept();
    transport.send('{"command":"subscribe"}');
    expect(transport.frames).to.deep.equal([{command: 'subscribe'}]);
    transport.fail();
    transport.fail();
    expect(transport.connecting).to.equal(false);
    transport.close();
  });
});
