import {expect} from '@open-wc/testing';
import type {ContactApi} from '../../src/api/contact-api.js';
import {History, PAGE_SIZE, type HistoryHost} from '../../src/state/history.js';
import {wire} from './helpers.js';

/** Pages of wire messages by `before` id ('' for the latest). */
function fakeApi(pages: Record<string, unknown[]>) {
  const asked: string[] = [];
  const api = {
    getConversation: async (id: number) => (asked.push('conversation ' + id), {id, status: 'open'}),
    getMessages: async (id: number, before?: number) => (asked.push(`messages ${id} ${before ?? ''}`), pages[before ?? ''] ?? []),
  } as unknown as ContactApi;
  return {api, asked};
}

function host(conversationId: number | null, highestIdHeld: number) {
  const received: {ids: unknown[]; live: boolean; hasOlder?: boolean}[] = [];
  const conversations: unknown[] = [];
  const target: HistoryHost = {
    conversationId: () => conversationId,
    highestIdHeld: () => highestIdHeld,
    receive: (messages, {live, hasOlder}) => received.push({ids: messages.map((m) => (m as {id?: unknown}).id), live, hasOlder}),
    conversationReceived: (conversation) => conversations.push(conversation),
  };
  return {target, received, conversations};
}

const page = (from: number) => Array.from({length: PAGE_SIZE}, (_, i) => wire(from + i));

describe('History', () => {
  it('does nothing without a conversation', async () => {
    const {api, asked} = fakeApi({});
    const {target, received} = host(null, 0);
    const history = new History(api, target);
    await history.loadPage();
    await history.backfill();
    expect([asked, received]).to.deep.equal([[], []]);
  });

  it('loads a page, says whether older ones may exist, and announces nothing', async () => {
    const {api, asked} = fakeApi({'': page(21), '21': [wire(20)]});
    const {target, received} = host(87, 40);
    const history = new History(api, target);
    await history.loadPage();
    await history.loadPage(21);
    expect(asked).to.deep.equal(['messages 87 ', 'messages 87 21']);
    expect(received.map(({live, hasOlder}) => [live, hasOlder])).to.deep.equal([
      [false, true],
      [false, false],
    ]);
  });

  it('backfills page by page until it reaches a message held, announcing what it finds', async () => {
    const {api, asked} = fakeApi({'': page(61), '61': page(41), '41': page(21)});
    const {target, received, conversations} = host(87, 35);
    await new History(api, target).backfill();
    expect(conversations).to.deep.equal([{id: 87, status: 'open'}]);
    expect(asked).to.deep.equal(['conversation 87', 'messages 87 ', 'messages 87 61', 'messages 87 41']);
    expect(received.every((r) => r.live)).to.equal(true);
  });

  it('stops at a page whose first item has no usable id, and when nothing is held', async () => {
    const odd = [{id: 'x'}, ...page(2).slice(1)];
    const first = fakeApi({'': odd});
    await new History(first.api, host(87, 10).target).backfill();
    expect(first.asked).to.deep.equal(['conversation 87', 'messages 87 ']);
    const none = fakeApi({'': page(100), '100': page(80)});
    await new History(none.api, host(87, 0).target).backfill();
    expect(none.asked).to.deep.equal(['conversation 87', 'messages 87 ']);
  });
});
