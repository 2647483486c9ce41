import {expect} from '@open-wc/testing';
import {sendMouse, setViewport} from '@web/test-runner-commands';
import {agent, onlyConversation, openWidget, part, perTest, until} from './helpers.js';

// Reaching the visitor (contract §10), end to end: the built bundle in a real page, the local
// server as a real process. The page's AudioContext is wrapped to count the chime's notes (it
// still plays them); the clicks are the browser's own, so the page has a real user activation.
describe('e2e: reaching the visitor', function () {
  this.timeout(60000);
  const t = perTest();

  it('an agent reply while the panel is closed shows a preview beside the launcher and chimes once', async () => {
    await setViewport({width: 900, height: 800}); // the whole frame (800 × 700) on screen, for the mouse
    const page = (t.page = await openWidget({'base-url': t.server.url, 'inbox-identifier': 'demo-inbox'}));
    const {el, win} = page;
    win.frameElement!.scrollIntoView();
    let notes = 0;
    const PageAudioContext = win.AudioContext;
    win.AudioContext = class extends PageAudioContext {
      override createOscillator() {
        notes++;
        return super.createOscillator();
      }
    };
    /** A click of the browser's mouse on `element` inside the widget's frame. */
    const click = async (element: Element) => {
      const frame = win.frameElement!.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      await sendMouse({type: 'click', position: [Math.round(frame.x + box.x + box.width / 2), Math.round(frame.y + box.y + box.height / 2)]});
    };

    await click(part(el, 'launcher')!);
    await until(() => el.connectionState === 'connected', 'connected');
    await el.sendMessage('Is my order on its way?');
    const conversation = await onlyConversation(t.server);
    await click(part(el, 'launcher')!);
    await until(() => !el.open, 'the panel closed');
    await el.updateComplete;

    await agent(t.server).reply(conversation.id, 'Yes, it left the warehouse this morning.');
    const preview = await until(() => el.shadowRoot!.querySelector('akece-previews')?.shadowRoot?.querySelector('[part=preview]'), 'a preview');
    expect(preview.textContent).to.contain('Yes, it left the warehouse this morning.');
    await until(() => notes > 0, 'the chime');
    expect(notes / 2, 'one chime of two notes').to.equal(1);

    await click(preview);
    await until(() => el.open, 'the panel opened from the preview');
    await until(() => !el.shadowRoot!.querySelector('akece-previews'), 'the previews gone');
  });
});
