// The cable contract (cable-contract.ts) against the real Cable, over fake sockets and a fake clock.
import {IDENTIFIER, confirm, event, reject, welcome} from '../helpers/frames.js';
import {describeCableContract, type CableDriver} from './cable-contract.js';
import {setup} from './setup.js';

/** Longest a test waits for the cable's next socket: past the 30 s backoff cap. */
const MAX_WAIT_MS = 40_000;

function realCable(): CableDriver {
  const {cable, clock, net, tick} = setup();
  /** The cable's next connection attempt, once any backoff has passed. */
  const nextSocket = async () => {
    await tick();
    for (let waited = 0; net.last?.readyState !== 0; waited += 100) {
      if (waited > MAX_WAIT_MS) throw new Error(`no new socket after ${MAX_WAIT_MS} ms (state ${cable.state})`);
      await tick(100);
    }
    return net.last;
  };
  const welcomed = async () => {
    const socket = await nextSocket();
    socket.accept();
    socket.receive(welcome());
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
      net.last?.receive(event(IDENTIFIER, name, data));
      await tick();
    },
    teardown: () => clock.restore(),
  };
}

describeCableContract('Cable', realCable);
