// The cable contract (cable-contract.ts) against the real Cable: over fake sockets (under the real
// WebSocketTransport), and over testing.ts's FakeTransport, each on a fake clock.
import sinon from 'sinon';
import {Cable} from '../../src/protocol/cable.js';
import {FakeEnvironment, FakeTransport} from '../../src/protocol/testing.js';
import {IDENTIFIER, TOKEN, confirm, event, reject, welcome} from '../helpers/frames.js';
import {describeCableContract, type CableDriver} from './cable-contract.js';
import {CABLE_URL, setup} from './setup.js';

/** Longest a test waits for the cable's next socket: past the 30 s backoff cap. */
const MAX_WAIT_MS = 40_000;

/** Advances `clock` 100 ms at a time until `ready()`, failing after MAX_WAIT_MS. */
async function waitFor(clock: sinon.SinonFakeTimers, ready: () => boolean, what: string): Promise<void> {
  await clock.tickAsync(1);
  for (let waited = 0; !ready(); waited += 100) {
    if (waited > MAX_WAIT_MS) throw new Error(`no ${what} after ${MAX_WAIT_MS} ms`);
    await clock.tickAsync(100);
  }
}

function cableOnFakeSockets(): CableDriver {
  const {cable, clock, net, tick} = setup();
  /** The cable's next connection attempt, opened and welcomed once any backoff has passed. */
  const welcomed = async () => {
    await waitFor(clock, () => net.last?.readyState === 0, 'new socket');
    const socket = net.last!;
    socket.accept();
    await socket.receive(welcome());
    return socket;
  };
  return {
    cable,
    confirm: async () => (await welcomed()).receive(confirm()),
    reject: async () => (await welcomed()).receive(reject()),
    drop: async () => {
      net.last?.drop();
      await tick();
    },
    event: async ({event: name, data}) => {
      await net.last?.receive(event(IDENTIFIER, name, data));
      await tick();
    },
    teardown: () => clock.restore(),
  };
}

function cableOnFakeTransport(): CableDriver {
  const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
  let transport: FakeTransport | undefined;
  const cable = new Cable({
    url: CABLE_URL,
    pubsubToken: TOKEN,
    environment: new FakeEnvironment(),
    random: () => 0,
    transport: (handlers) => (transport = new FakeTransport(handlers)),
  });
  const welcomed = async () => {
    await waitFor(clock, () => transport?.connecting ?? false, 'connection attempt');
    transport!.accept();
    transport!.receive(welcome());
    return transport!;
  };
  return {
    cable,
    confirm: async () => (await welcomed()).receive(confirm()),
    reject: async () => (await welcomed()).receive(reject()),
    drop: async () => {
      transport?.drop();
      await clock.tickAsync(1);
    },
    event: async ({event: name, data}) => {
      transport?.receive(event(IDENTIFIER, name, data));
      await clock.tickAsync(1);
    },
    teardown: () => clock.restore(),
  };
}

describeCableContract('Cable on fake sockets', cableOnFakeSockets);
describeCableContract('Cable on a FakeTransport', cableOnFakeTransport);
