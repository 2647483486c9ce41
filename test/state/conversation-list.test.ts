import {expect} from '@open-wc/testing';
import {toSummaries, unreadElsewhere, withEvent, withRead} from '../../src/state/conversation-list.js';
import {transcriptText} from '../../src/state/transcript.js';
import {toMessage} from '../../src/state/normalize.js';
import type {AkeceEvent} from '../../src/protocol/payloads.js';
import type {Message} from '../../src/state/model.js';

const T0 = 1781692000;
const AGENT = {id: 7, name: 'Priya Nair', type: 'user'};
const VISITOR = {id: 555, name: 'Alex', type: 'contact'};
let lastId = 9000;
const wire = (conversationId: number, o: Record<string, unknown> = {}) => {
  const id = ++lastId;
  return {id, content: `Message ${id}`, conversation_id: conversationId, message_type: 1, created_at: T0 + id - 9000, content_type: 'text', content_attributes: {}, sender: AGENT, ...o};
};
const conversation = (id: number, status: string, messages: unknown[], seen = 0) => ({id, status, contact_last_seen_at: seen, messages});
const created = (data: Record<string, unknown>) => ({event: 'message.created', data}) as unknown as AkeceEvent;

describe('conversation list (state)', () => {
  it('summarises the REST list newest first, with latest message, status and unread since last seen', () => {
    const first = [wire(1, {message_type: 0, sender: VISITOR, content: 'Hi'}), wire(1, {content: 'Hello'})];
    const second = [wire(2, {message_type: 0, sender: VISITOR, content: 'Another thing'})];
    const list = toSummaries([conversation(1, 'resolved', first, T0), conversation(2, 'open', second), 'junk', {id: 'x'}]);
    expect(list.map((summary) => summary.id)).to.deep.equal([2, 1]);
    expect(list[0]).to.deep.include({status: 'open', unread: 0});
    expect(list[0].latest!.content).to.equal('Another thing');
    expect(list[1]).to.deep.include({status: 'resolved', unread: 1});
  });

  it('moves a conversation up on a new message and counts it unread unless the visitor is looking at it', () => {
    const list = toSummaries([conversation(1, 'open', [wire(1)], T0 + 1000), conversation(2, 'open', [wire(2)], T0 + 1000)]);
    expect(list[0].id).to.equal(2);
    const moved = withEvent(list, created(wire(1, {content: 'News'})), 2);
    expect(moved.map((summary) => summary.id)).to.deep.equal([1, 2]);
    expect(moved[0]).to.deep.include({unread: 1});
    expect(moved[0].latest!.content).to.equal('News');
    expect(unreadElsewhere(moved, 2)).to.equal(1);
    expect(unreadElsewhere(moved, 1)).to.equal(0);
    // Looked at: no unread; the visitor's own messages never count.
    expect(withEvent(list, created(wire(2)), 2)[0].unread).to.equal(0);
    expect(withEvent(list, created(wire(1, {message_type: 0, sender: VISITOR})), 2)[0].unread).to.equal(0);
    expect(withRead(moved, 1)[0].unread).to.equal(0);
    // The same message twice changes nothing; a status change updates; a new conversation joins.
    const again = withEvent(moved, created(moved[0].latest ? {...wire(1), id: moved[0].latest.id} : {}), 2);
    expect(again).to.equal(moved);
    const resolved = withEvent(moved, {event: 'conversation.status_changed', data: {id: 1, status: 'resolved'}} as unknown as AkeceEvent, 2);
    expect(resolved[0].status).to.equal('resolved');
    const joined = withEvent(moved, {event: 'conversation.created', data: {id: 3, status: 'open'}} as unknown as AkeceEvent, 2);
    expect(joined.map((summary) => summary.id)).to.include(3);
  });
});

describe('transcript (state)', () => {
  it('lists who wrote, when, what and the attachment links; leaves out what the server does not have', () => {
    const messages = [
      toMessage(wire(1, {message_type: 0, sender: VISITOR, content: 'Here is the receipt'})),
      toMessage(wire(1, {content: 'Thanks! And the label:', attachments: [{file_type: 'file', data_url: 'https://files.test/label.pdf', file_name: 'label.pdf'}]})),
      toMessage(wire(1, {message_type: 3, sender: null, content: 'Please rate the conversation'})),
    ].filter((message): message is Message => message != null);
    const pending = {...messages[0], id: null, key: 'echo:1', content: 'Not sent yet'};
    const text = transcriptText([...messages, pending], {
      title: 'Your conversation with Shop',
      you: 'You',
      agent: 'Support',
      status: (status) => status,
      time: (at) => at.toISOString(),
    });
    const lines = text.split('\n');
    expect(lines[0]).to.equal('Your conversation with Shop');
    expect(text).to.contain(`] You:\nHere is the receipt`);
    expect(text).to.contain(`] Priya Nair:\nThanks! And the label:\nlabel.pdf: https://files.test/label.pdf`);
    expect(text).to.contain(`] Support:\nPlease rate the conversation`);
    expect(text).to.contain(new Date((T0 + 1) * 1000).toISOString().slice(0, 4));
    expect(text).not.to.contain('Not sent yet');
  });
});
