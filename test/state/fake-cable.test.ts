// The session tests' FakeCable against the cable contract that the real Cable passes too
// (test/protocol/cable-contract.ts), so the double cannot drift from the real thing unnoticed.
import {describeCableContract} from '../protocol/cable-contract.js';
import {FakeCable} from './fakes.js';

describeCableContract('FakeCable', () => {
  const cable = new FakeCable({url: 'wss://chat.example/cable', pubsubToken: 'tok', presenceInterval: 30});
  return {
    cable,
    confirm: async () => cable.confirmSubscription(),
    drop: async () => cable.lose(),
    event: async (event) => {
      if (!cable.disposed) cable.send(event);
    },
    reject: async () => cable.refuse(),
    teardown: () => undefined,
  };
});
