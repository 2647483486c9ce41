// The fake Akece REST server of the state and element tests (fakes.ts) against the real local
// server (demo/server, started as a child process): the same requests to both, and the answers
// compared by shape (status codes, keys, value types). Every key the fake answers with must be in
// the real answer with the same type, and the keys the widget reads must be in both. So the fake
// cannot drift from the server it stands in for.
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {serverForSuite} from '../helpers/server.js';
import {FakeServer} from './fakes.js';

/** The structure of a JSON value: its type, an object's keys, an array's first item. */
type Shape = string | {readonly list: Shape | null} | {readonly [key: string]: Shape};

function shapeOf(value: unknown): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return {list: value.length ? shapeOf(value[0]) : null};
  if (typeof value == 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shapeOf(item)]));
  return typeof value;
}

/** Checks that everything `fake` has is in `real` with the same type (null stands for any type). */
function expectWithin(fake: Shape, real: Shape, path: string): void {
  if (fake == 'null' || real == 'null') return;
  if (typeof fake == 'string' || typeof real == 'string') {
    expect(fake, path).to.equal(real);
    return;
  }
  if ('list' in fake || 'list' in real) {
    expect('list' in fake && 'list' in real, `${path}: a list in both`).to.equal(true);
    const [fakeItem, realItem] = [(fake as {list: Shape | null}).list, (real as {list: Shape | null}).list];
    if (fakeItem && realItem) expectWithin(fakeItem, realItem, path + '[0]');
    return;
  }
  for (const [key, item] of Object.entries(fake)) {
    expect(real, `${path}: the real server sends "${key}"`).to.have.property(key);
    expectWithin(item, (real as Record<string, Shape>)[key], `${path}.${key}`);
  }
}

interface Answer {
  readonly step: string;
  readonly status: number;
  readonly body: unknown;
}

/** What the widget reads from each answer (state/, api/): these keys must be in both. */
const READS: Record<string, readonly string[]> = {
  'create contact': ['source_id', 'pubsub_token'],
  'show contact': ['source_id', 'pubsub_token'],
  'create conversation': ['id', 'status', 'contact_last_seen_at'],
  'show conversation': ['id', 'status', 'contact_last_seen_at'],
  'send message': ['id', 'content', 'message_type', 'created_at', 'conversation_id', 'sender'],
};

/** One visit through the public client API, as the widget makes it. */
async function visit(inboxUrl: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  const call = async (step: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(inboxUrl + path, {
      method,
      headers: body ? {'Content-Type': 'application/json'} : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const answer = {step, status: response.status, body: text ? JSON.parse(text) : null};
    answers.push(answer);
    return answer.body as Record<string, unknown> & {source_id: string; id: number};
  };
  const contact = await call('create contact', 'POST', '/contacts', {name: 'Ann'});
  const me = `/contacts/${contact.source_id}`;
  await call('show contact', 'GET', me);
  await call('update contact', 'PATCH', me, {email: 'ann@example.com'});
  await call('no conversations yet', 'GET', `${me}/conversations`);
  const conversation = await call('create conversation', 'POST', `${me}/conversations`, {});
  const at = `${me}/conversations/${conversation.id}`;
  await call('list conversations', 'GET', `${me}/conversations`);
  await call('show conversation', 'GET', at);
  const sent = await call('send message', 'POST', `${at}/messages`, {content: 'Hello', echo_id: 'e1'});
  await call('latest page', 'GET', `${at}/messages`);
  await call('page before', 'GET', `${at}/messages?before=${sent.id}`);
  await call('typing', 'POST', `${at}/toggle_typing`, {typing_status: 'on'});
  await call('seen', 'POST', `${at}/update_last_seen`, {});
  await call('unknown contact', 'GET', '/contacts/nobody-knows-me');
  await call('unknown conversation', 'GET', `${me}/conversations/999999`);
  return answers;
}

describe('the fake REST server keeps to the real one', function () {
  this.timeout(60000);
  const suite = serverForSuite();
  afterEach(() => sinon.restore());

  it('tells shapes apart (the comparison itself can fail)', () => {
    expect(() => expectWithin(shapeOf({id: 1, extra: 'x'}), shapeOf({id: 2}), 'extra key')).to.throw(/extra/);
    expect(() => expectWithin(shapeOf({id: '1'}), shapeOf({id: 1}), 'type')).to.throw();
    expect(() => expectWithin(shapeOf([{id: 1}]), shapeOf({id: 1}), 'list')).to.throw(/list/);
    expectWithin(shapeOf({email: null, list: []}), shapeOf({email: 'a@b.c', list: [{id: 1}], more: true}), 'fine');
  });

  it('answers the widget’s requests with the same statuses and shapes', async () => {
    const real = await visit(`${suite.current.url}/public/api/v1/inboxes/demo-inbox`);
    new FakeServer(); // stubs window.fetch from here on
    const fake = await visit('https://chat.example/public/api/v1/inboxes/inb');
    expect(fake.map((a) => [a.step, a.status])).to.deep.equal(real.map((a) => [a.step, a.status]));
    fake.forEach((answer, index) => {
      const realAnswer = real[index];
      expectWithin(shapeOf(answer.body), shapeOf(realAnswer.body), answer.step);
      for (const key of READS[answer.step] ?? []) {
        expect(answer.body, `${answer.step}: the fake sends "${key}"`).to.have.property(key);
        expect(realAnswer.body, `${answer.step}: the real server sends "${key}"`).to.have.property(key);
      }
    });
  });
});
