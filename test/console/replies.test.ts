import {expect} from '@open-wc/testing';
import {agentApi, openConversation, perTest, until, visitor} from './kit.js';

/** Half a second of silence as a 16-bit mono WAV, which any browser decodes. */
function wav(seconds = 0.5, rate = 8000): Blob {
  const samples = Math.round(seconds * rate);
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, i) => view.setUint8(offset + i, char.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  return new Blob([buffer], {type: 'audio/wav'});
}

// Issue 17 in the console: replying to one message (content_attributes.in_reply_to, as
// Chatwoot's dashboard sets it), the quote of the answered message, and audio that plays.
describe('console: replies and audio', function () {
  this.timeout(60000);
  const t = perTest();


  it('replies to a specific message and shows the quote, which leads back to it', async () => {
    const alex = await visitor(t.server, 'Alex');
    const question = await alex.say('Where is my order #1042?');
    await alex.say('Also, can I change the size?');
    await openConversation(t, alex.conversationId, 2);
    const row = t.$(`.msg[data-id="${question.id}"]`)!;
    [...row.querySelectorAll('button')].find((b) => b.textContent === 'Reply')!.click();
    expect(t.$('.banner')!.hidden).to.equal(false);
    expect(t.$('.banner')!.textContent).to.contain('Where is my order #1042?');
    const text = t.$<HTMLTextAreaElement>('#reply-text')!;
    text.value = 'It left the warehouse **today**.';
    t.$<HTMLButtonElement>('[data-ref="send"]')!.click();
    await until(() => t.$('.msg.out .quote') && t.$('.banner')!.hidden, 'the reply sent, with its quote');

    const messages = await agentApi(t.server).get(`/conversations/${alex.conversationId}/messages`);
    const reply = messages.at(-1);
    expect(reply.content).to.equal('It left the warehouse **today**.');
    expect(reply.content_attributes).to.deep.equal({in_reply_to: question.id, in_reply_to_external_id: null});
    const quote = t.$<HTMLButtonElement>('.msg.out .quote')!;
    expect(quote.textContent).to.contain('Alex').and.contain('Where is my order #1042?');
    expect(t.$('.msg.out .content strong')!.textContent).to.equal('today');
    quote.click();
    expect(t.$(`.msg[data-id="${question.id}"]`)!.classList.contains('flash')).to.equal(true);

    // A reply the agent API made elsewhere (an e2e test, another agent) shows its quote too.
    await agentApi(t.server).post(`/conversations/${alex.conversationId}/messages`, {content: 'Yes, any size.', content_attributes: {in_reply_to: messages[1].id}});
    await until(() => t.$$('.msg.out .quote').length === 2, 'the second quote');
    expect(t.$$('.msg.out .quote')[1].textContent).to.contain('Also, can I change the size?');
  });

  it('plays an audio attachment and names every file with its size', async () => {
    const alex = await visitor(t.server, 'Alex');
    await alex.upload(wav(), 'voice-note.wav');
    await openConversation(t, alex.conversationId, 1);
    const audio = t.$<HTMLAudioElement>('.msg.in audio')!;
    expect(audio.controls).to.equal(true);
    await until(() => audio.readyState >= 1, 'the audio metadata');
    expect(audio.duration).to.be.closeTo(0.5, 0.05);
    expect(t.$('.msg.in figcaption')!.textContent).to.equal('voice-note.wav · 7.9 KB');
  });
});
