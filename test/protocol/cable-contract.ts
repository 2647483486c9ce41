// The observable contract of a cable: what the state layer relies on (state/chat-session.ts's
// CableLike). One suite, run against the real Cable (cable-contract.test.ts) and against every
// double that stands in for it (the state layer's FakeCable), so a double cannot drift from the
// real thing unnoticed.
//
//   import {describeCableContract} from '../protocol/cable-contract.js';
//   describeCableContract('FakeCable', () => ({cable, confirm, drop, event, reject, teardown}));
import {expect} from '@open-wc/testing';
import type {CableErrorCode} from '../../src/protocol/errors.js';
import type {AkeceEvent} from '../../src/protocol/payloads.js';

/** The connection states of the contract (`connectionState`). */
export type ContractState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'error';

/** The events of a cable, as the state layer reads them. */
export interface ContractEvents {
  state: {state: ContractState; previous: ContractState};
  event: AkeceEvent;
  subscribed: {resumed: boolean};
  error: {code: CableErrorCode; message: string; fatal: boolean};
}

/** The members of a cable the state layer uses. */
export interface ContractCable {
  readonly state: ContractState;
  connect(): void;
  perform(action: string, data?: Record<string, unknown>): boolean;
  on<Type extends keyof ContractEvents>(type: Type, listener: (detail: ContractEvents[Type]) => void): () => void;
  reconnect(): void;
  dispose(): void;
}

/**
 * A cable under test and the server/network side of it. Each step resolves once the cable has
 * had every chance to react (for a cable on a fake clock: the clock has been advanced).
 */
export interface CableDriver {
  /** A new cable, not yet connected. */
  readonly cable: ContractCable;
  /**
   * The server accepts the cable's next connection and confirms its subscription (for a real
   * cable: waits out any backoff, then open, welcome, confirm_subscription).
   */
  confirm(): Promise<void>;
  /** The network loses the connection in use; the cable is expected to try again by itself. */
  drop(): Promise<void>;
  /** The server sends an event for this contact on the connection in use. */
  event(event: AkeceEvent): Promise<void>;
  /** The server refuses the cable's next subscription (a fatal error). */
  reject(): Promise<void>;
  /** Undoes the test's setup (fake clocks, stubs). The suite has disposed of the cable already. */
  teardown(): void;
}

interface Recording {
  /** Every event, in order, with what `cable.state` read while it was delivered. */
  log: {type: keyof ContractEvents; detail: unknown; stateDuring: ContractState}[];
  of<Type extends keyof ContractEvents>(type: Type): ContractEvents[Type][];
}

function record(cable: ContractCable): Recording {
  const log: Recording['log'] = [];
  for (const type of ['state', 'event', 'subscribed', 'error'] as const) cable.on(type, (detail) => log.push({type, detail, stateDuring: cable.state}));
  return {
    log,
    of: <Type extends keyof ContractEvents>(type: Type) => log.filter((entry) => entry.type == type).map((entry) => entry.detail as ContractEvents[Type]),
  };
}

const message: AkeceEvent = {
  event: 'message.created',
  data: {id: 9, conversation_id: 87, message_type: 1, created_at: 1781692380, content: 'Hello'},
};
const presence: AkeceEvent = {event: 'presence.update', data: {users: {'7': 'online'}}};

/** Defines the mocha suite of the cable contract for the cables `createDriver` makes. */
export function describeCableContract(name: string, createDriver: () => CableDriver | Promise<CableDriver>): void {
  describe(`${name}: the cable contract`, () => {
    let drive: CableDriver;
    let recording: Recording;

    beforeEach(async () => {
      drive = await createDriver();
      recording = record(drive.cable);
    });

    afterEach(() => {
      drive.cable.dispose();
      drive.teardown();
    });

    /** The state events so far must form one chain from 'idle', each delivered once the state changed. */
    const expectStateChain = () => {
      const changes = recording.log.filter((entry) => entry.type == 'state');
      let current: ContractState = 'idle';
      for (const {detail, stateDuring} of changes) {
        const {state, previous} = detail as ContractEvents['state'];
        expect(previous, `a state event after '${current}'`).to.equal(current);
        expect(state, `a state event from '${previous}'`).not.to.equal(previous);
        expect(stateDuring, `cable.state while '${state}' is delivered`).to.equal(state);
        current = state;
      }
      expect(drive.cable.state).to.equal(current);
    };

    it("is 'idle' until connect(), with nothing to perform and nothing emitted", () => {
      expect(drive.cable.state).to.equal('idle');
      expect(drive.cable.perform('update_presence')).to.equal(false);
      expect(recording.log).to.deep.equal([]);
    });

    it("leaves 'idle' as soon as connect() is called, and is 'connected' once subscribed", async () => {
      drive.cable.connect();
      expect(drive.cable.state).not.to.equal('idle');
      expect(recording.of('state')).to.have.length(1);
      await drive.confirm();
      expect(drive.cable.state).to.equal('connected');
      expect(recording.of('state').at(-1)).to.include({state: 'connected'});
      expect(recording.of('subscribed')).to.deep.equal([{resumed: false}]);
      expectStateChain();
    });

    it('performs only while connected', async () => {
      drive.cable.connect();
      expect(drive.cable.perform('update_presence')).to.equal(false);
      await drive.confirm();
      expect(drive.cable.perform('update_presence')).to.equal(true);
      expect(drive.cable.perform('typing', {is_typing: true})).to.equal(true);
      await drive.drop();
      expect(drive.cable.state).not.to.equal('connected');
      expect(drive.cable.perform('update_presence')).to.equal(false);
    });

    it('comes back after a lost connection, with subscribed {resumed: true}, in a chain of state events', async () => {
      drive.cable.connect();
      await drive.confirm();
      await drive.drop();
      expect(drive.cable.state).not.to.equal('connected');
      await drive.confirm();
      expect(drive.cable.state).to.equal('connected');
      expect(recording.of('subscribed')).to.deep.equal([{resumed: false}, {resumed: true}]);
      expect(recording.of('state').filter(({state}) => state == 'connected')).to.have.length(2);
      expectStateChain();
    });

    it('delivers events to every listener, in order; on() returns an unsubscriber for its listener only', async () => {
      const first: AkeceEvent[] = [];
      const second: AkeceEvent[] = [];
      const offFirst = drive.cable.on('event', (event) => first.push(event));
      drive.cable.on('event', (event) => second.push(event));
      drive.cable.connect();
      await drive.confirm();
      await drive.event(message);
      await drive.event(presence);
      offFirst();
      offFirst();
      await drive.event(message);
      expect(first).to.deep.equal([message, presence]);
      expect(second).to.deep.equal([message, presence, message]);
      expect(recording.of('event')).to.deep.equal([message, presence, message]);
    });

    it('reconnect() replaces a live connection: it leaves and comes back with subscribed {resumed: true}', async () => {
      drive.cable.connect();
      await drive.confirm();
      drive.cable.reconnect();
      await drive.confirm();
      expect(drive.cable.state).to.equal('connected');
      expect(recording.of('state').filter(({previous}) => previous == 'connected')).to.have.length(1);
      expect(recording.of('subscribed')).to.deep.equal([{resumed: false}, {resumed: true}]);
      expectStateChain();
    });

    it("reports a rejected subscription as a fatal error in state 'error', until reconnect()", async () => {
      drive.cable.connect();
      await drive.reject();
      expect(drive.cable.state).to.equal('error');
      const errors = recording.of('error');
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({code: 'subscription-rejected', fatal: true});
      expect(errors[0].message).to.be.a('string');
      expect(drive.cable.perform('update_presence')).to.equal(false);
      drive.cable.reconnect();
      expect(drive.cable.state).not.to.equal('error');
      await drive.confirm();
      expect(drive.cable.state).to.equal('connected');
      expect(recording.of('subscribed')).to.deep.equal([{resumed: false}]);
      expectStateChain();
    });

    it('is silent after dispose(): every listener is gone, and nothing can be performed', async () => {
      drive.cable.connect();
      await drive.confirm();
      const heard = recording.log.length;
      expect(heard).to.be.greaterThan(0);
      drive.cable.dispose();
      await drive.event(message);
      await drive.drop();
      drive.cable.reconnect();
      expect(recording.log).to.have.length(heard);
      expect(drive.cable.perform('update_presence')).to.equal(false);
    });
  });
}
