import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {FakeTransport, afterPostedTasks, fakeSockets} from '../../src/protocol/testing.js';
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

  describe('reads a message that comes alone at once, and those of a burst together, in a task of their own', () => {
    const heard: string[] = [];
    let net: ReturnType<typeof fakeSockets>;
    let transport: WebSocketTransport;
    const open = async (onMessage: (data: unknown) => void = (data) => heard.push(`message ${String(data)}`)) => {
      const opened = new WebSocketTransport(
        {url: CABLE_URL, WebSocket: net.WebSocket, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS},
        {...handlers, onMessage, onClose: () => heard.push('close')}
      );
      await clock.tickAsync(1);
      opened.proceed();
      await clock.tickAsync(1);
      net.last!.accept();
      return opened;
    };
    beforeEach(async () => {
      heard.length = 0;
      net = fakeSockets();
      transport = await open();
    });
    afterEach(() => transport.close());

    it('the first message at once; those that arrive before the next task, together in it, in order', async () => {
      const socket = net.last!;
      void socket.receive('one');
      expect(heard, 'a message that comes alone is not put off').to.deep.equal(['message one']);
      void socket.receive('two');
      void socket.receive('three');
      expect(heard, 'the rest of the burst waits for the next task').to.deep.equal(['message one']);
      await afterPostedTasks();
      expect(heard).to.deep.equal(['message one', 'message two', 'message three']);
      void socket.receive('four');
      expect(heard, 'after the burst, the next message is read at once again').to.deep.equal(['message one', 'message two', 'message three', 'message four']);
    });

    it('a socket that closes hands over what arrived before it first', async () => {
      void net.last!.receive('first');
      void net.last!.receive('last words');
      net.last!.drop();
      expect(heard).to.deep.equal(['message first', 'message last words', 'close']);
      await afterPostedTasks();
      expect(heard, 'and only once').to.deep.equal(['message first', 'message last words', 'close']);
    });

    it('close() drops what it has not handed over: nobody is told after it', async () => {
      void net.last!.receive('read');
      void net.last!.receive('too late');
      transport.close();
      await afterPostedTasks();
      expect(heard).to.deep.equal(['message read']);
    });

    it('a reader that gives up the socket mid-burst (restart) hears nothing more of it, and its close comes after', async () => {
      transport.close();
      transport = await open((data) => {
        heard.push(`message ${String(data)}`);
        if (data == 'disconnect') transport.restart();
      });
      const old = net.last!;
      void old.receive('first');
      void old.receive('disconnect');
      void old.receive('said after it');
      await afterPostedTasks();
      expect(heard).to.deep.equal(['message first', 'message disconnect', 'close']);
      await afterPostedTasks();
      expect(heard, 'nothing of the old socket later either').to.deep.equal(['message first', 'message disconnect', 'close']);
    });

    it('a reader that throws on one message of a burst loses none of the others', async () => {
      const errors: unknown[] = [];
      const onError = window.onerror;
      window.onerror = (message) => {
        errors.push(message);
        return true; // handled: not a failure of this test
      };
      try {
        transport.close();
        transport = await open((data) => {
          if (data == 'bad') throw new Error('unreadable');
          heard.push(String(data));
        });
        void net.last!.receive('before');
        void net.last!.receive('bad');
        await net.last!.receive('after');
        await afterPostedTasks();
        expect(heard).to.deep.equal(['before', 'after']);
        expect(errors).to.have.length(1);
        expect(String(errors[0])).to.contain('unreadable');
      } finally {
        window.onerror = onError;
      }
    });
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
