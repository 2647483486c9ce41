import {expect} from '@open-wc/testing';
import {chatReducer, initialState, type ChatAction, type ChatState} from '../../src/state/chat-state.js';
import type {Message} from '../../src/state/model.js';
import {model} from './helpers.js';

/** An action, or messages to merge. */
type Step = ChatAction | Message[];
const base: ChatState = {...initialState, conversationId: 87};
const reduce = chatReducer;
const step = (s: ChatState, a: Step) => (Array.isArray(a) ? reduce(s, {type: 'messages-received', messages: a}) : reduce(s, a));
const run = (...steps: Step[]) => steps.reduce(step, base);
const merge = (...messages: Message[]) => messages;
const pending = model({id: null, echoId: 'e1', role: 'visitor', sender: null, content: 'hi', createdAt: 9e12, status: 'pending'});
const server = model({id: 50, role: 'visitor', content: 'hi', createdAt: 2000});
const echo = {...server, echoId: 'e1'};
const keys = (s: ChatState) => s.messages.slice().map((m) => m.key);
const list = (s: ChatState) => s.messages.slice();

describe('chat-state reducer', () => {
  it('shows another conversation: its id, and nothing of the previous one', () => {
    const s = run({type: 'conversation-changed', conversationId: 87, status: 'resolved', lastSeenAt: 5000}, merge(model({id: 3, conversationId: 87, createdAt: 2000})), {type: 'messages-received', messages: [], hasOlder: true});
    const shown = reduce(s, {type: 'conversation-shown', conversationId: 90});
    expect(shown).to.deep.include({conversationId: 90, conversationStatus: null, hasOlder: false, lastSeenAt: 0, agentTyping: null});
    expect(list(shown)).to.deep.equal([]);
    // A late message of the previous conversation stays out.
    expect(list(step(shown, merge(model({id: 4, conversationId: 87, createdAt: 3000}))))).to.deep.equal([]);
    expect(reduce(s, {type: 'conversation-shown', conversationId: null}).conversationId).to.equal(null);
  });

  it('adds the unread messages of other conversations to the unread count, visible or not', () => {
    const hidden = run(merge(model({id: 3, conversationId: 87, createdAt: 2000})), {type: 'other-unread-changed', count: 2});
    expect(hidden.unreadCount).to.equal(3);
    expect(reduce(hidden, {type: 'panel-visibility-changed', visible: true}).unreadCount).to.equal(2);
  });

  it('returns the same state for no-ops', () => {
    expect(reduce(base, {type: 'conversation-changed', conversationId: 87, status: null, lastSeenAt: 0})).to.equal(base);
    expect(step(base, [])).to.equal(base);
    expect(reduce(base, {type: 'messages-received', messages: [], hasOlder: true}).hasOlder).to.equal(true);
    expect(list(reduce(base, {type: 'messages-received', messages: [null]}))).to.deep.equal([]);
  });

  it('orders by createdAt then id, pending last by local time', () => {
    const s = run(
      merge({...pending, createdAt: 5}),
      merge(model({id: 3, createdAt: 2000}), model({id: 2, createdAt: 2000}), model({id: 9, createdAt: 1000})),
      merge(model({id: null, echoId: 'e0', role: 'visitor', createdAt: 1}))
    );
    expect(keys(s)).to.deep.equal(['9', '2', '3', 'echo:e0', 'echo:e1']);
  });

  it('keeps the newest copy when versions of a message arrive out of order', () => {
    const v1 = model({id: 7, content: 'first', updatedAt: 1000});
    const v2 = model({id: 7, content: 'edited', updatedAt: 2000});
    expect(run(merge(v2), merge(v1)).messages.slice().map((m) => m.content)).to.deep.equal(['edited']);
    expect(run(merge(v1), merge(v2)).messages.slice().map((m) => m.content)).to.deep.equal(['edited']);
    // A REST page has no updated_at: it is the server's current state and always applies.
    expect(run(merge(v2), merge({...v1, content: 'from a page', updatedAt: 0})).messages.at(0)!.content).to.equal('from a page');
  });

  it('keeps status notes in time order (not with pending sends) and once per key', () => {
    const note = model({id: null, key: 'status:1500', role: 'system', createdAt: 1500, body: {type: 'status', status: 'resolved'}});
    const s = run(merge({...pending, createdAt: 1}), merge(model({id: 3, createdAt: 2000}), model({id: 2, createdAt: 1000})), merge(note), merge(note));
    expect(keys(s)).to.deep.equal(['2', 'status:1500', '3', 'echo:e1']);
    expect(s.unreadCount).to.equal(2);
  });

  it('shows the own message once: socket echo before the HTTP answer', () => {
    const s = run(merge(pending), merge(echo), merge(echo));
    expect(s.messages).to.have.length(1);
    expect(s.messages.at(0)!).to.include({key: 'echo:e1', id: 50, status: 'sent', echoId: 'e1'});
  });

  it('shows the own message once: HTTP answer before the socket echo', () => {
    const s = run(merge(pending), merge(echo), merge({...server, echoId: null}), merge(echo));
    expect(keys(s)).to.deep.equal(['echo:e1']);
  });

  it('collapses a page copy and our pending copy into one', () => {
    const s = run(merge(pending), merge(server), merge(echo));
    expect(keys(s)).to.deep.equal(['echo:e1']);
    expect(s.messages.at(0)!.id).to.equal(50);
  });

  it('shows two server messages with one echo id as two (a POST the browser sent twice)', () => {
    const twice = model({id: 51, role: 'visitor', content: 'hi', createdAt: 2001, echoId: 'e1'});
    const s = run(merge(pending), merge(echo), merge(twice), merge(echo), merge({...server, echoId: null}));
    expect(list(s).map((m) => m.id)).to.deep.equal([50, 51]);
    expect(keys(s)).to.deep.equal(['echo:e1', '51']);
  });

  it('merges duplicates by id and inserts unknown updates', () => {
    const s = run(merge(model({id: 1, content: 'a'})), merge(model({id: 1, content: 'b'})), merge(model({id: 2, content: 'new'})));
    expect(s.messages.slice().map((m) => m.content)).to.deep.equal(['b', 'new']);
  });

  it('keeps deleted, read and answer sticky against late copies', () => {
    const answer = {kind: 'csat', rating: 4, feedback: ''} as const;
    const s = run(merge(model({id: 1, deleted: true, read: true, answer})), merge(model({id: 1, content: 'old'})));
    expect(s.messages.at(0)!).to.include({deleted: true, read: true, content: 'old'});
    expect(s.messages.at(0)!.answer).to.deep.equal(answer);
  });

  it('ignores messages of other conversations', () => {
    expect(run(merge(model({id: 1, conversationId: 12}))).messages).to.have.length(0);
  });

  it('marks failed and back to pending on retry, keeping the echo id', () => {
    let s = run(merge(pending), merge({...pending, status: 'failed', error: 'boom'}));
    expect(s.messages.at(0)!).to.include({status: 'failed', error: 'boom'});
    s = step(s, merge(pending));
    expect(s.messages).to.have.length(1);
    expect(s.messages.at(0)!).to.include({status: 'pending', error: null, echoId: 'e1'});
  });

  it('hides the typing agent when their message arrives', () => {
    const typing: ChatAction = {type: 'agent-typing', typist: {name: 'Priya', id: 7}};
    expect(run(typing, merge(model({id: 1, role: 'visitor'}))).agentTyping).to.not.equal(null);
    expect(run(typing, merge(model({id: 1, sender: {type: 'user', id: 8, name: 'Priya', avatarUrl: ''}}))).agentTyping).to.not.equal(null);
    expect(run(typing, merge(model({id: 1}))).agentTyping).to.equal(null);
    const byName: ChatAction = {type: 'agent-typing', typist: {name: 'Priya', id: null}};
    expect(run(byName, merge(model({id: 1}))).agentTyping).to.equal(null);
  });

  it('counts unread agent messages while hidden, resets when visible', () => {
    let s = run({type: 'conversation-changed', conversationId: 87, status: null, lastSeenAt: 1500}, merge(model({id: 1, createdAt: 1000}), model({id: 2, createdAt: 2000}), model({id: 3, role: 'visitor', createdAt: 3000})));
    expect(s.unreadCount).to.equal(1);
    s = step(s, merge(model({id: 4, role: 'system', sender: null, createdAt: 4000}), model({id: 5, createdAt: 5000, deleted: true})));
    expect(s.unreadCount).to.equal(2);
    s = reduce(s, {type: 'panel-visibility-changed', visible: true});
    expect([s.unreadCount, s.lastSeenAt]).to.deep.equal([0, 5000]);
    s = step(reduce(s, {type: 'panel-visibility-changed', visible: false}), merge(model({id: 6, createdAt: 6000})));
    expect(s.unreadCount).to.equal(1);
  });

  it('resets but keeps panel visibility', () => {
    // (the session resets with the initial state, keeping panelVisible)
    const s = run({type: 'panel-visibility-changed', visible: true}, {type: 'connection-changed', connection: 'connected'}, merge(model({id: 1})), {type: 'session-reset'});
    expect(s).to.deep.equal({...initialState, panelVisible: true});
  });
});

describe('chat-state reducer: merging at any order', () => {
  it('orders messages that arrive out of order', () => {
    const s = run(merge(model({id: 5, createdAt: 5000})), merge(model({id: 2, createdAt: 2000})), merge(model({id: 9, createdAt: 9000}), model({id: 1, createdAt: 1000})));
    expect(keys(s)).to.deep.equal(['1', '2', '5', '9']);
  });

  it('shows a message delivered many times once (page, socket, page again)', () => {
    const m = model({id: 3, createdAt: 3000});
    const s = run(merge(m, m), merge(m), merge({...m}, model({id: 4, createdAt: 4000})), merge(m));
    expect(keys(s)).to.deep.equal(['3', '4']);
  });

  it('collapses the echo and the answer of a send in any order, among many messages', () => {
    const others = Array.from({length: 100}, (_, i) => model({id: i + 1, createdAt: 1000 + i}));
    const sent = model({id: 500, echoId: 'e9', role: 'visitor', content: 'hi', createdAt: 1050});
    const mine = model({id: null, echoId: 'e9', role: 'visitor', sender: null, content: 'hi', createdAt: 9e12, status: 'pending'});
    for (const order of [[sent, {...sent, echoId: null}], [{...sent, echoId: null}, sent]]) {
      const s = run(merge(...others), merge(mine), merge(order[0]), merge(order[1]));
      expect(s.messages.length).to.equal(101);
      const at = keys(s).indexOf('echo:e9');
      expect(at).to.equal(51); // between 1049 (id 50) and 1050 (id 51): by createdAt, then id
      expect(s.messages.at(at)).to.include({id: 500, status: 'sent'});
    }
  });

  it('ignores an edit older than the copy held, and applies newer ones', () => {
    const others = Array.from({length: 50}, (_, i) => model({id: i + 1, createdAt: 1000 + i}));
    let s = run(merge(...others), merge(model({id: 20, createdAt: 1019, content: 'v3', updatedAt: 3000})));
    s = step(s, merge(model({id: 20, createdAt: 1019, content: 'v2', updatedAt: 2000})));
    expect(s.messages.at(19)!.content).to.equal('v3');
    s = step(s, merge(model({id: 20, createdAt: 1019, content: 'v4', updatedAt: 4000})));
    expect(s.messages.at(19)!.content).to.equal('v4');
    expect(s.messages.length).to.equal(50);
  });

  it('keeps the unread count without a full pass as messages are deleted and the last-seen time moves', () => {
    let s = run(merge(...Array.from({length: 40}, (_, i) => model({id: i + 1, createdAt: 1000 + i * 10}))));
    expect(s.unreadCount).to.equal(40);
    s = step(s, {type: 'conversation-changed', conversationId: 87, status: 'open', lastSeenAt: 1195});
    expect(s.unreadCount).to.equal(20);
    s = step(s, merge(model({id: 40, createdAt: 1390, deleted: true})));
    expect(s.unreadCount).to.equal(19);
  });
});

describe('Store', () => {
  it('notifies on real changes only, until unsubscribed, and forgets listeners on request', async () => {
    const {createStore} = await import('../../src/state/store.js');
    const store = createStore((count: number, add: number) => count + add, 0);
    const heard: number[] = [];
    const off = store.subscribe((count) => heard.push(count));
    store.dispatch(0);
    store.dispatch(2);
    off();
    store.dispatch(1);
    store.subscribe((count) => heard.push(count));
    store.clearListeners();
    store.dispatch(1);
    expect([heard, store.getState()]).to.deep.equal([[2], 4]);
  });
});
