// What the cable relies on from a Transport (src/protocol/transport.ts), as one suite run against
// the real WebSocketTransport and against testing.ts's FakeTransport (transport.test.ts), so the
// double behaves as the real one does.
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import type {Transport, TransportHandlers} from '../../src/protocol/transport.js';

/** One handler call, as recorded: its name, and the data of a message. */
export type HandlerCall = 'waiting' | 'open' | 'close' | 'error' | `message ${string}`;

/** The server/network side of a transport under test. */
export interface TransportServer {
  /** Connection attempts started so far. */
  attempts(): number;
  /** Text the transport sent, oldest first, on any socket. */
  sent(): string[];
  /** The current connection attempt succeeds. */
  accept(): void;
  /** A text frame arrives on the current socket; resolves once the transport may have handed it over. */
  receive(text: string): Promise<void> | void;
  /** The current socket (or attempt) is lost. */
  drop(): void;
  /** The current socket (or attempt) fails with an error. */
  fail(): void;
}

/** Builds the transport under test with `handlers`, and the side of it the test plays. */
export type TransportFactoryForTest = (handlers: TransportHandlers) => {transport: Transport; server: TransportServer};

export function describeTransportContract(name: string, create: TransportFactoryForTest): void {
  describe(`${name}: the transport contract`, () => {
    let clock: sinon.SinonFakeTimers;
    let calls: HandlerCall[];
    let transport: Transport;
    let server: TransportServer;
    /** Lets the transport's asynchronous steps run (a 0 ms timer, a promise, a microtask). */
    const settle = () => clock.tickAsync(1);

    beforeEach(() => {
      clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
      calls = [];
      ({transport, server} = create({
        onWaiting: () => calls.push('waiting'),
        onOpen: () => calls.push('open'),
        onMessage: (data) => calls.push(`message ${String(data)}`),
        onClose: () => calls.push('close'),
        onError: () => calls.push('error'),
      }));
    });

    afterEach(() => {
      transport.close();
      clock.restore();
    });

    /** Proceeds from the first wait and accepts the connection. */
    const open = async () => {
      await settle();
      transport.proceed();
      await settle();
      server.accept();
    };

    it('asks for its first socket after it is created, not during, and opens nothing until proceed()', async () => {
      expect(calls).to.deep.equal([]);
      await settle();
      expect(calls).to.deep.equal(['waiting']);
      expect(transport.waiting).to.equal(true);
      await clock.tickAsync(60_000);
      expect(server.attempts()).to.equal(0);
      expect(calls).to.deep.equal(['waiting']);
    });

    it('opens one socket per proceed(), and only while waiting', async () => {
      transport.proceed();
      await settle();
      expect(server.attempts()).to.equal(0);
      transport.proceed();
      transport.proceed();
      await settle();
      expect(server.attempts()).to.equal(1);
      expect(transport.waiting).to.equal(false);
      expect(transport.isOpen).to.equal(false);
      server.accept();
      expect(transport.isOpen).to.equal(true);
      expect(calls).to.deep.equal(['waiting', 'open']);
    });

    it('sends on the open socket and drops what is sent while none is open', async () => {
      await settle();
      transport.send('early');
      transport.proceed();
      await settle();
      transport.send('connecting');
      server.accept();
      transport.send('one');
      transport.send('two');
      server.drop();
      transport.send('closed');
      await settle();
      expect(server.sent()).to.deep.equal(['one', 'two']);
    });

    it('hands over messages as the raw text that arrived, in order', async () => {
      await open();
      server.receive('{"type":"ping"}');
      await server.receive('not json');
      expect(calls).to.deep.equal(['waiting', 'open', 'message {"type":"ping"}', 'message not json']);
    });

    it('reports a lost socket with onClose, then waits again (after, not during, the close)', async () => {
      await open();
      server.drop();
      expect(transport.isOpen).to.equal(false);
      expect(calls.slice(2)).to.deep.equal(['close']);
      await settle();
      expect(calls.slice(2)).to.deep.equal(['close', 'waiting']);
      expect(transport.waiting).to.equal(true);
      transport.proceed();
      await settle();
      expect(server.attempts()).to.equal(2);
    });

    it('reports a failed attempt with onClose, then onError, then waits again', async () => {
      await settle();
      transport.proceed();
      await settle();
      server.fail();
      await settle();
      expect(calls).to.deep.equal(['waiting', 'close', 'error', 'waiting']);
    });

    it('restart() gives up the open socket and waits for the next', async () => {
      await open();
      transport.restart();
      expect(transport.isOpen).to.equal(false);
      await settle();
      expect(calls).to.deep.equal(['waiting', 'open', 'close', 'waiting']);
      transport.proceed();
      await settle();
      server.accept();
      expect(server.attempts()).to.equal(2);
      expect(transport.isOpen).to.equal(true);
    });

    it('restart() while already waiting changes nothing', async () => {
      await settle();
      transport.restart();
      await settle();
      expect(calls).to.deep.equal(['waiting']);
      expect(transport.waiting).to.equal(true);
    });

    it('close() is final: no handler runs afterwards and no socket opens', async () => {
      await open();
      transport.close();
      expect(transport.isOpen).to.equal(false);
      const heard = calls.length;
      await server.receive('{"type":"ping"}');
      transport.proceed();
      await clock.tickAsync(60_000);
      expect(calls).to.have.length(heard);
      expect(server.attempts()).to.equal(1);
      expect(transport.waiting).to.equal(false);
    });

    it('close() during the wait for the first socket: it never opens, nobody is told', async () => {
      transport.close();
      await clock.tickAsync(60_000);
      transport.proceed();
      await settle();
      expect(calls).to.deep.equal([]);
      expect(server.attempts()).to.equal(0);
    });
  });
}
