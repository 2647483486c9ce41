import {expect} from '@open-wc/testing';
import {toMessage, sender, url} from '../../src/state/normalize.js';
import {wire} from './helpers.js';

describe('normalize', () => {
  it('maps an agent reply', () => {
    const m = toMessage(wire(4522, {avatar: 1, sender: {id: 7, name: 'Priya Nair', available_name: 'Priya', avatar_url: 'https://a/p.png', type: 'user'}}))!;
    expect(m).to.deep.equal({
      key: '4522',
      id: 4522,
      echoId: null,
      conversationId: 87,
      role: 'agent',
      sender: {type: 'user', id: 7, name: 'Priya', avatarUrl: 'https://a/p.png'},
      content: 'm4522',
      body: {type: 'text'},
      attachments: [],
      createdAt: 5522000,
      status: 'sent',
      deleted: false,
      read: false,
      answer: null,
      error: null,
      updatedAt: 0,
      inReplyTo: null,
    });
    // Socket copies carry updated_at, which orders versions of one message.
    expect(toMessage(wire(4522, {updated_at: '2026-06-17T10:33:00.512Z'}))!.updatedAt).to.equal(Date.parse('2026-06-17T10:33:00.512Z'));
  });

  it('keeps the id of the message a reply answers (content_attributes.in_reply_to)', () => {
    expect(toMessage(wire(9, {content_attributes: {in_reply_to: 4522, in_reply_to_external_id: null}}))!.inReplyTo).to.equal(4522);
    for (const junk of [null, '4522', {}, NaN]) expect(toMessage(wire(9, {content_attributes: {in_reply_to: junk}}))!.inReplyTo).to.equal(null);
  });

  it('maps roles: 0 visitor, 1 agent, 3 system; drops 2 and junk', () => {
    expect(toMessage(wire(1, {message_type: 0}))!.role).to.equal('visitor');
    expect(toMessage(wire(1, {message_type: 3, sender: undefined}))).to.include({role: 'system', sender: null});
    expect(toMessage(wire(1, {message_type: 2}))).to.equal(null);
    expect(toMessage(wire(1, {message_type: 'constructor'}))).to.equal(null);
    expect(toMessage({message_type: 1})).to.equal(null);
    for (const junk of [null, 42, 'x', [], {id: NaN}]) expect(toMessage(junk)).to.equal(null);
  });

  it('guards odd fields', () => {
    const m = toMessage({id: 3, message_type: 0, content: null, created_at: '1', content_attributes: [], attachments: 'no', sender: 'x', echo_id: 5})!;
    expect(m).to.include({content: '', createdAt: 0, conversationId: null, sender: null, echoId: '5', deleted: false});
    expect(m.attachments).to.deep.equal([]);
  });

  it('keeps only http(s) attachments and avatars', () => {
    const m = toMessage(
      wire(5, {
        status: 'read',
        attachments: [
          {id: 1, file_type: 'image', data_url: 'https://h/blobs/x/invoice%20a.png?d=1', thumb_url: 'https://h/t.png', file_size: 10},
          {id: 2, file_type: 'file', data_url: 'javascript:alert(1)'},
          {id: 3, file_type: 'ig_reel', data_url: 'http://h/r', thumb_url: 'data:x', fallback_title: 'Reel'},
          {id: 4, file_type: 'file', data_url: 'https://h/%E0%A4%A'},
          'junk',
        ],
        sender: {name: 'Bot', avatar_url: 'javascript:x', thumbnail: 'https://h/a.png'},
      })
    )!;
    expect(m.read).to.equal(true);
    expect(m.attachments).to.deep.equal([
      {kind: 'image', url: 'https://h/blobs/x/invoice%20a.png?d=1', thumbUrl: 'https://h/t.png', fileName: 'invoice a.png', size: 10},
      {kind: 'other', url: 'http://h/r', thumbUrl: '', fileName: 'Reel', size: null},
      {kind: 'file', url: 'https://h/%E0%A4%A', thumbUrl: '', fileName: '%E0%A4%A', size: null},
    ]);
    expect(m.sender).to.deep.equal({type: '', id: null, name: 'Bot', avatarUrl: 'https://h/a.png'});
    expect(url('HTTPS://x')).to.equal('HTTPS://x');
    expect(sender(null)).to.equal(null);
  });

  it('maps bot bodies and answers', () => {
    const sel = toMessage(
      wire(6, {content_type: 'input_select', content_attributes: {items: [{title: 'A', value: 'a'}, {title: 2}], submitted_values: [{title: 'A', value: 'a'}]}})
    )!;
    expect(sel.body).to.deep.equal({type: 'input_select', items: [{title: 'A', value: 'a'}, {title: '2', value: ''}]});
    expect(sel.answer).to.deep.equal({kind: 'select', values: [{title: 'A', value: 'a'}]});
    expect(toMessage(wire(6, {content_type: 'input_select', content_attributes: {}}))!.answer).to.equal(null);

    const csat = toMessage(wire(7, {message_type: 3, content_type: 'input_csat', content_attributes: {display_type: 'star', submitted_values: {csat_survey_response: {rating: 5, feedback_message: 'Great'}}}}))!;
    expect(csat.body).to.deep.equal({type: 'input_csat', display: 'star'});
    expect(csat.answer).to.deep.equal({kind: 'csat', rating: 5, feedback: 'Great'});
    const open = toMessage(wire(7, {content_type: 'input_csat', content_attributes: {display_type: 'emoji'}}))!;
    expect([open.body, open.answer]).to.deep.equal([{type: 'input_csat', display: 'emoji'}, null]);

    expect(toMessage(wire(8, {content_type: 'input_email', content_attributes: {submitted_email: 'a@b.c'}}))!.answer).to.deep.equal({kind: 'email', email: 'a@b.c'});
    expect(toMessage(wire(8, {content_type: 'input_email', content_attributes: {submitted_values: [{name: 'email', value: 'c@d.e'}]}}))!.answer).to.deep.equal({kind: 'email', email: 'c@d.e'});
    expect(toMessage(wire(8, {content_type: 'input_email'}))!.answer).to.equal(null);

    const cards = toMessage(
      wire(9, {content_type: 'cards', content_attributes: {items: [{title: 'T', description: 'D', media_url: 'ftp://x', actions: [{text: 'Go', type: 'link', uri: 'https://go', payload: 'p'}]}]}})
    )!;
    expect(cards.body).to.deep.equal({type: 'cards', items: [{title: 'T', description: 'D', mediaUrl: '', actions: [{text: 'Go', uri: 'https://go'}]}]});
    const art = toMessage(wire(10, {content_type: 'article', content_attributes: {items: [{title: 'T', link: 'javascript:x'}]}}))!;
    expect(art.body).to.deep.equal({type: 'article', items: [{title: 'T', description: '', link: ''}]});
    expect(toMessage(wire(11, {content_type: 'form', content_attributes: {deleted: true}}))).to.deep.include({body: {type: 'text'}, deleted: true});
  });
});

describe('toMessage: what messages share (10,000 of them are held)', () => {
  const wire = (id: number, sender: Record<string, unknown>) => ({id, content: `m${id}`, message_type: 1, created_at: 1000 + id, conversation_id: 87, sender});
  const priya = {id: 7, name: 'Priya', available_name: 'Priya', avatar_url: 'https://cdn.example/p.png', type: 'user'};

  it('the messages of one sender share one sender object (equal senders from separately parsed frames)', () => {
    const first = toMessage(JSON.parse(JSON.stringify(wire(1, priya))))!;
    const second = toMessage(JSON.parse(JSON.stringify(wire(2, priya))))!;
    expect(second.sender).to.equal(first.sender);
    expect(first.sender).to.deep.equal({type: 'user', id: 7, name: 'Priya', avatarUrl: 'https://cdn.example/p.png'});
  });

  it('a sender that differs in anything is another object', () => {
    const base = toMessage(wire(1, priya))!.sender;
    for (const changed of [{...priya, id: 8}, {...priya, available_name: 'Priya S.'}, {...priya, avatar_url: 'https://cdn.example/q.png'}, {...priya, type: 'agent_bot'}]) {
      const other = toMessage(wire(2, changed))!.sender;
      expect(other).to.not.equal(base);
      expect(other).to.not.deep.equal(base);
    }
  });

  it('a stream of distinct senders is held only up to a bound, and each still comes out right', () => {
    for (let id = 0; id < 2000; id++) expect(toMessage(wire(id, {id, name: `Agent ${id}`, type: 'user'}))!.sender!.name).to.equal(`Agent ${id}`);
  });

  it('plain text bodies and empty attachment lists are one frozen object each', () => {
    const first = toMessage(wire(1, priya))!;
    const second = toMessage(wire(2, priya))!;
    expect(second.body).to.equal(first.body);
    expect(second.attachments).to.equal(first.attachments);
    expect(Object.isFrozen(first.body) && Object.isFrozen(first.attachments)).to.equal(true);
    const withFile = toMessage({...wire(3, priya), attachments: [{file_type: 'image', data_url: 'https://cdn.example/a.png'}]})!;
    expect(withFile.attachments).to.have.length(1);
    expect(withFile.attachments).to.not.equal(first.attachments);
  });
});
