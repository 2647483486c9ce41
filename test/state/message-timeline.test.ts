import {expect} from '@open-wc/testing';
import {chatReducer, initialState, type ChatState} from '../../src/state/chat-state.js';
import {MessageTimeline} from '../../src/state/message-timeline.js';
import type {Message} from '../../src/state/model.js';
import {model} from './helpers.js';

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number) {
  let value = seed;
  return () => {
    value = (value * 1103515245 + 12345) % 2147483648;
    return value / 2147483648;
  };
}

/** The order the reducer must keep, written the obvious way: a full sort. */
const late = (m: Message) => Number(m.id == null && m.role == 'visitor');
const referenceOrder = (messages: readonly Message[]) =>
  messages
    .map((message, arrival) => ({message, arrival}))
    .sort((a, b) => late(a.message) - late(b.message) || a.message.createdAt - b.message.createdAt || (a.message.id ?? 0) - (b.message.id ?? 0) || a.arrival - b.arrival)
    .map((entry) => entry.message);

const base: ChatState = {...initialState, conversationId: 87};
const receive = (state: ChatState, ...messages: Message[]) => chatReducer(state, {type: 'messages-received', messages});

describe('MessageTimeline', () => {
  it('reads like a read-only array: length, at (negative too), slice, iteration', () => {
    const messages = Array.from({length: 100}, (_, i) => model({id: i + 1, createdAt: 1000 + i}));
    const timeline = MessageTimeline.of([...messages].reverse());
    expect(timeline.length).to.equal(100);
    expect(timeline.at(0)!.id).to.equal(1);
    expect(timeline.at(-1)!.id).to.equal(100);
    expect(timeline.at(99)!.id).to.equal(100);
    expect([timeline.at(100), timeline.at(-101), MessageTimeline.empty.at(0)]).to.deep.equal([undefined, undefined, undefined]);
    expect(timeline.slice(40, 43).map((m) => m.id)).to.deep.equal([41, 42, 43]);
    expect(timeline.slice(-2).map((m) => m.id)).to.deep.equal([99, 100]);
    expect(timeline.slice(5, 2)).to.deep.equal([]);
    expect(timeline.slice()).to.deep.equal(messages);
    expect([...timeline]).to.deep.equal(messages);
    expect(timeline.highestId).to.equal(100);
    expect([...MessageTimeline.empty]).to.deep.equal([]);
  });

  it('leaves every earlier version as it was (shared structure, never changed in place)', () => {
    let state = base;
    const versions: ChatState[] = [];
    for (let id = 1; id <= 200; id++) {
      state = receive(state, model({id, createdAt: 1000 + (id % 7) * 10}));
      versions.push(state);
    }
    versions.forEach((version, index) => expect(version.messages.length).to.equal(index + 1));
    // A version that is no longer the newest can still be reduced from (its lookups rebuild).
    const branch = receive(versions[9], model({id: 5, content: 'edited'}), model({id: 500, createdAt: 1}));
    expect(branch.messages.length).to.equal(11);
    expect([...branch.messages].find((m) => m.id == 5)!.content).to.equal('edited');
    expect([...versions[9].messages].find((m) => m.id == 5)!.content).to.equal('x');
    // …and the newest still merges by id after that.
    const last = receive(state, model({id: 200, content: 'edited'}));
    expect(last.messages.length).to.equal(200);
  });

  it('keeps the reference order and unread count through random arrivals, duplicates and edits', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      let state: ChatState = {...base, lastSeenAt: 1050};
      const held = new Map<number, Message>();
      for (let step = 0; step < 400; step++) {
        const id = 1 + Math.floor(next() * 150);
        const message = model({
          id,
          createdAt: 1000 + Math.floor(next() * 100),
          role: next() < 0.3 ? 'visitor' : 'agent',
          deleted: next() < 0.1,
          content: 'v' + step,
        });
        // A message keeps its createdAt and role on the server; edits change its content.
        const stable = held.get(id) ? {...message, createdAt: held.get(id)!.createdAt, role: held.get(id)!.role} : message;
        held.set(id, {...stable, deleted: stable.deleted || !!held.get(id)?.deleted});
        state = receive(state, stable);
        if (step % 50 == 0) state = chatReducer(state, {type: 'conversation-changed', conversationId: 87, status: 'open', lastSeenAt: 1000 + step / 5});
      }
      const expected = referenceOrder([...held.values()]);
      expect([...state.messages].map((m) => [m.id, m.content, m.deleted]), 'seed ' + seed).to.deep.equal(expected.map((m) => [m.id, m.content, m.deleted]));
      const unread = expected.filter((m) => m.role != 'visitor' && !m.deleted && m.createdAt > state.lastSeenAt).length;
      expect(state.unreadCount, 'seed ' + seed).to.equal(unread);
      const visible = chatReducer(state, {type: 'panel-visibility-changed', visible: true});
      expect(visible.lastSeenAt).to.equal(Math.max(state.lastSeenAt, ...expected.filter((m) => m.role != 'visitor').map((m) => m.createdAt)));
    }
  });

  it('merges 10,000 messages one at a time in linear-ish time (micro-benchmark)', () => {
    const count = 10_000;
    const arrivals = Array.from({length: count}, (_, i) => model({id: i + 1, createdAt: 1_000_000 + i * 1000}));
    // Mostly in order, as a live conversation; every tenth one late (out of order).
    for (let i = 9; i < count; i += 10) [arrivals[i], arrivals[i - 5]] = [arrivals[i - 5], arrivals[i]];
    const started = performance.now();
    let state = base;
    for (const message of arrivals) state = receive(state, message);
    const merged = performance.now() - started;
    const editStart = performance.now();
    for (let id = 1; id <= 1000; id++) state = receive(state, model({id, createdAt: 1_000_000 + (id - 1) * 1000, content: 'edited'}));
    const edited = performance.now() - editStart;
    console.log(`merge of ${count} messages one at a time: ${merged.toFixed(0)} ms (${((merged / count) * 1000).toFixed(1)} µs each); 1,000 edits: ${edited.toFixed(0)} ms`);
    expect(state.messages.length).to.equal(count);
    expect(state.messages.at(0)!.id).to.equal(1);
    expect(state.messages.at(-1)!.id).to.equal(count);
    expect(state.unreadCount).to.equal(count);
    // Very generous (the old copy-and-sort took about 3.9 s here on this machine).
    expect(merged).to.be.below(5000);
  });
});
