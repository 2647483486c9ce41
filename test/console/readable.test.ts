import {expect} from '@open-wc/testing';
import {agentApi, json, openConversation, perTest, until, visitor} from './kit.js';

// Issue 12, items 12 and 13: Markdown replies rendered safely, answers in words, files named,
// signs of news elsewhere, times in the list, a placeholder when nothing is open.
describe('console: what the agent reads', function () {
  this.timeout(60000);
  const t = perTest();


  it('shows a placeholder before a conversation is chosen, and times in the list', async () => {
    const alex = await visitor(t.server, 'Alex');
    await alex.say('Hello');
    await until(() => t.$('.conv-time')?.textContent, 'a time in the list');
    expect(t.$('.placeholder')!.hidden).to.equal(false);
    expect(t.$('.placeholder')!.textContent).to.contain('No conversation selected');
    expect(t.$('.thread')!.hidden).to.equal(true);
    expect(t.$('.conv-time')!.textContent).to.match(/\d{1,2}:\d{2}/);
    await openConversation(t, alex.conversationId, 1);
    expect(t.$('.placeholder')!.hidden).to.equal(true);
  });

  it('renders its own Markdown replies, and hostile input stays text', async () => {
    const alex = await visitor(t.server, 'Alex');
    const hostile = [
      '**Bold** and _italic_ with `code` and ~~gone~~',
      '- first',
      '  - nested',
      '',
      '[help](https://example.com/help) [bad](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>)',
      '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>',
      'https://example.com/bare',
    ].join('\n');
    await agentApi(t.server).post(`/conversations/${alex.conversationId}/messages`, {content: hostile});
    await alex.say('<b>visitor html</b> **not markdown**');
    await openConversation(t, alex.conversationId, 2);
    const reply = t.$('.msg.out .content')!;
    expect(reply.querySelector('strong')?.textContent).to.equal('Bold');
    expect(reply.querySelector('em')?.textContent).to.equal('italic');
    expect(reply.querySelector('code')?.textContent).to.equal('code');
    expect(reply.querySelector('s')?.textContent).to.equal('gone');
    expect(reply.querySelector('ul ul li')?.textContent).to.equal('nested');
    expect(reply.querySelectorAll('img, script, iframe')).to.have.length(0);
    const hrefs = [...reply.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://example.com/help', 'https://example.com/bare']);
    expect(reply.textContent).to.contain('<img src=x onerror="window.pwned=1">');
    expect(reply.textContent).to.contain('bad');
    expect((window as {pwned?: number}).pwned).to.equal(undefined);
    // The visitor's words are shown as typed.
    const theirs = t.$('.msg.in .content')!;
    expect(theirs.textContent).to.equal('<b>visitor html</b> **not markdown**');
    expect(theirs.querySelector('b, strong')).to.equal(null);
  });

  it('shows answers as a person reads them and files with their names and sizes', async () => {
    const alex = await visitor(t.server, 'Alex');
    const agent = agentApi(t.server);
    const csat = await agent.post(`/conversations/${alex.conversationId}/messages`, {
      content: 'Please rate the conversation', message_type: 'template', content_type: 'input_csat', content_attributes: {display_type: 'emoji'},
    });
    await alex.answer(csat.id, {csat_survey_response: {rating: 5, feedback_message: 'great'}});
    const choice = await agent.post(`/conversations/${alex.conversationId}/messages`, {
      sender: 'bot', content: 'What can we help with?', content_type: 'input_select',
      content_attributes: {items: [{title: 'Where is my order?', value: 'order'}, {title: 'Returns and exchanges', value: 'returns'}]},
    });
    await alex.answer(choice.id, [{title: 'Returns and exchanges', value: 'returns'}]);
    const email = await agent.post(`/conversations/${alex.conversationId}/messages`, {sender: 'bot', content: 'Your email?', content_type: 'input_email'});
    await alex.answer(email.id, [{value: 'alex@example.com'}]);
    await alex.upload(new Blob([new Uint8Array(193 * 1024)], {type: 'application/pdf'}), 'invoice-1042.pdf');
    await openConversation(t, alex.conversationId, 4);
    const answers = t.$$('.answer').map((p) => p.textContent);
    expect(answers).to.deep.equal(['Rated 5 · “great”', 'Chose: Returns and exchanges', 'Email: alex@example.com']);
    expect(t.root.textContent).not.to.contain('csat_survey_response');
    expect(t.$('a.file.document')!.textContent).to.contain('invoice-1042.pdf · 193 KB');
  });

  it('signals a new conversation and new messages elsewhere in the title and the list', async () => {
    const alex = await visitor(t.server, 'Alex');
    await alex.say('Hello');
    await openConversation(t, alex.conversationId, 1);
    expect(document.title).not.to.match(/^\(\d+\)/);

    const bea = await visitor(t.server, 'Bea');
    await bea.say('Do you ship to Norway?');
    await until(() => t.$(`.conv[data-id="${bea.conversationId}"].fresh`), 'the new conversation highlighted');
    await until(() => document.title.startsWith('(1) '), 'the unread count in the title');
    await bea.say('Hello?');
    await until(() => document.title.startsWith('(2) '), 'two unread');
    expect(t.$(`.conv[data-id="${bea.conversationId}"] .badge`)!.textContent).to.equal('2');

    // Opening it clears the highlight and the count.
    t.$<HTMLButtonElement>(`.conv[data-id="${bea.conversationId}"]`)!.click();
    await until(() => !document.title.startsWith('('), 'the title count cleared');
    await until(() => !t.$(`.conv[data-id="${bea.conversationId}"]`)!.classList.contains('fresh'), 'the highlight cleared');
    expect((await json<{unread_count: number}>(`${t.server.url}/agent/api/conversations/${bea.conversationId}`)).unread_count).to.equal(0);
  });
});
