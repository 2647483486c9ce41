import {expect, fixture, html} from '@open-wc/testing';
import '../../src/define.js';
import type {AkeceChat} from '../../src/chat/chat.js';

describe('<akece-chat>', () => {
  it('renders a panel part', async () => {
    const el = await fixture<AkeceChat>(html`<akece-chat></akece-chat>`);
    expect(el.shadowRoot!.querySelector('[part="panel"]')).to.exist;
  });
});
