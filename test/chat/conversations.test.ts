import {expect, fixture, nextFrame} from '@open-wc/testing';
import type {AkeceChat} from '../../src/chat/chat.js';
import {TOKEN} from '../helpers/frames.js';
import {BASE, CONV, VISITOR, wire, json, until, root, settled, fakeNetwork, connect, serve, type Wire} from './kit.js';

// The conversation list, the question before ending and the ended state (contract §9) on the
// real <akece-chat>: axe in both themes, the keyboard, and where focus goes. Only the network
// edge is faked (an in-test Akece over fetch, a FakeWebSocket).

const OLDER = CONV - 1;

describe('<akece-chat> conversations: list, ending, ended (axe, keyboard, focus)', function () {
  this.timeout(30000);
  const net = fakeNetwork();
  let statuses: Record<number, string>;
  let histories: Record<number, Wire[]>;
  let toggled: number[];

  beforeEach(() => {
    statuses = {[CONV]: 'open', [OLDER]: 'resolved'};
    // (in this order: the older conversation's messages have the lower ids and times)
    const older = [wire({conversation_id: OLDER, message_type: 0, sender: VISITOR, content: 'Do you ship to Norway?'}), wire({conversation_id: OLDER, content: 'Yes, we do.'})];
    histories = {
      [OLDER]: older,
      [CONV]: [wire({message_type: 0, sender: VISITOR, content: 'Where is my parcel?'}), wire({content: 'On its way, arriving Friday.'})],
    };
    toggled = [];
    const conversation = (id: number) => ({id, status: statuses[id], contact_last_seen_at: 0, messages: histories[id]});
    serve(({method, url, tail}) => {
      if (url.pathname.endsWith('/contacts')) return json({source_id: 'src-1', pubsub_token: TOKEN, id: 555});
      if (tail == '/conversations') return json([conversation(OLDER), conversation(CONV)]);
      const [, id, rest] = /^\/conversations\/(\d+)(.*)$/.exec(tail) ?? [];
      if (!id || !(Number(id) in statuses)) return undefined;
      if (rest == '/toggle_status' && method == 'POST') {
        toggled.push(Number(id));
        statuses[Number(id)] = 'resolved';
        return json(conversation(Number(id)));
      }
      if (rest == '') return json(conversation(Number(id)));
      if (rest == '/messages') return json(url.searchParams.has('before') ? [] : histories[Number(id)]);
      return undefined;
    });
  });

  const part = (el: AkeceChat, name: string) => root(el).querySelector<HTMLElement>(`[part~=${name}]`);
  const focused = (el: AkeceChat) => root(el).activeElement;

  async function opened(attrs = '') {
    localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: TOKEN}, o: []}));
    const el = await fixture<AkeceChat>(`<akece-chat base-url="${BASE}" inbox-identifier="inbox" open ${attrs}></akece-chat>`);
    await connect(el, net.sockets);
    await until(() => el.conversationId == CONV && el.messages.length == 2, 'the latest unresolved conversation');
    await until(() => part(el, 'back-button'), 'the back button');
    await settled(el);
    return el;
  }

  for (const theme of ['light', 'dark']) {
    it(`the list, the question and the ended state are accessible (${theme})`, async () => {
      const el = await opened(`theme="${theme}"`);
      await expect(el).to.be.accessible();

      part(el, 'back-button')!.click();
      await until(() => root(el).querySelectorAll('[part~=conversation-item]').length == 2, 'the list');
      await settled(el);
      await expect(el).to.be.accessible();

      (root(el).querySelectorAll<HTMLElement>('[part~=conversation-item]')[0]).click();
      await until(() => part(el, 'end-conversation-button'), 'the conversation');
      part(el, 'end-conversation-button')!.click();
      await until(() => root(el).querySelector('[role=alertdialog]'), 'the question');
      await settled(el);
      await expect(el).to.be.accessible();

      root(el).querySelector<HTMLElement>('.confirm-end-button')!.click();
      await until(() => root(el).querySelector('.ended'), 'the ended state');
      await settled(el);
      await expect(el).to.be.accessible();
    });
  }

  it('says pending and snoozed conversations are waiting or on hold in the list, not open', async () => {
    statuses[CONV] = 'pending';
    statuses[OLDER] = 'snoozed';
    const el = await opened();
    part(el, 'back-button')!.click();
    await until(() => root(el).querySelectorAll('[part~=conversation-item]').length == 2, 'the list');
    await settled(el);
    const labels = [...root(el).querySelectorAll('[part~=conversation-item] .item-status')].map((label) => label.textContent!.trim());
    expect(labels).to.deep.equal(['Waiting for the team', 'On hold']);
    await expect(el).to.be.accessible();
  });

  it('is keyboard-complete: focus goes to the list, into a conversation, to the question and back', async () => {
    const el = await opened();
    const items = () => [...root(el).querySelectorAll<HTMLElement>('[part~=conversation-item]')];

    part(el, 'back-button')!.click();
    await until(() => items().length == 2 && focused(el) == items()[0], 'focus on the newest conversation');
    expect(items()[0].textContent).to.contain('On its way');
    expect(items()[1].textContent).to.contain('Yes, we do.').and.contain('Resolved').and.contain('1 new message');
    // The items are buttons (Enter and Space work natively), then the new-conversation button.
    expect(items().every((item) => item.tagName == 'BUTTON')).to.equal(true);
    items()[1].click();
    await until(() => el.conversationId == OLDER, 'the older conversation');
    await until(() => focused(el) == root(el).querySelector('.ended [part~=new-conversation-button]'), 'focus on "Start a new conversation"');
    expect(root(el).querySelector('akece-composer')).to.equal(null);

    await el.openConversation(CONV);
    await until(() => part(el, 'end-conversation-button'), 'the end button');
    part(el, 'end-conversation-button')!.click();
    await until(() => focused(el)?.classList.contains('confirm-cancel'), 'focus on Cancel');
    // Escape answers the question (no), keeps the panel open and gives focus back to the end button.
    focused(el)!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, composed: true}));
    await until(() => !root(el).querySelector('[role=alertdialog]'), 'the question gone');
    await until(() => focused(el) == part(el, 'end-conversation-button'), 'focus back on the end button');
    expect(el.open).to.equal(true);
    expect(toggled).to.deep.equal([]);

    part(el, 'end-conversation-button')!.click();
    await until(() => root(el).querySelector('.confirm-end-button'), 'the question again');
    root(el).querySelector<HTMLElement>('.confirm-end-button')!.click();
    await until(() => focused(el) == root(el).querySelector('.ended [part~=new-conversation-button]'), 'focus on the ended state');
    expect(toggled).to.deep.equal([CONV]);
    expect(root(el).querySelector('.ended')!.textContent).to.contain('This conversation has ended');

    (focused(el) as HTMLElement).click();
    await until(() => el.conversationId === null, 'a new conversation');
    await until(() => root(el).querySelector('akece-composer')?.matches(':focus-within'), 'focus in the composer');
    await nextFrame();
  });

  it('with continue-after-resolve keeps the composer of a resolved conversation', async () => {
    statuses[CONV] = 'resolved';
    statuses[OLDER] = 'open';
    localStorage.setItem(`akece-chat:${BASE}:inbox`, JSON.stringify({k: {sourceId: 'src-1', pubsubToken: TOKEN}, o: []}));
    const el = await fixture<AkeceChat>(`<akece-chat base-url="${BASE}" inbox-identifier="inbox" open continue-after-resolve conversation-id="${CONV}"></akece-chat>`);
    await connect(el, net.sockets);
    await until(() => el.messages.length == 2 && part(el, 'back-button'), 'the resolved conversation');
    await settled(el);
    expect(root(el).querySelector('.ended')).to.equal(null);
    expect(root(el).querySelector('akece-composer')).not.to.equal(null);
    expect(part(el, 'end-conversation-button')).to.equal(null);
    el.removeAttribute('continue-after-resolve');
    await until(() => root(el).querySelector('.ended'), 'the ended state without it');
  });
});
