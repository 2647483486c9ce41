// A stand-in for the root element in tests: it carries the tokens and the chrome styles and
// renders whatever template a test gives it, as <akece-chat> renders the layer's pieces.
import {LitElement, css, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {tokens} from '../../src/styles/tokens.styles.js';
import {shared} from '../../src/styles/shared.styles.js';
import {launcherStyles} from '../../src/components/launcher/launcher.js';
import {panelStyles} from '../../src/components/panel/panel.js';
import {AkeceMessageList} from '../../src/components/message-list/message-list.js';
import {AkeceComposer} from '../../src/components/composer/composer.js';

export class TestHost extends LitElement {
  static override styles = [
    tokens,
    shared,
    launcherStyles,
    panelStyles,
    css`
      :host {
        background: var(--_surface);
      }
    `,
  ];
  static override properties = {tpl: {attribute: false}, theme: {reflect: true}};
  tpl: TemplateResult | typeof nothing = nothing;
  theme = 'light';
  override render() {
    return this.tpl;
  }
}

export const define = () => {
  for (const [tag, ctor] of [
    ['akece-test-host', TestHost],
    ['akece-message-list', AkeceMessageList],
    ['akece-composer', AkeceComposer],
  ] as const)
    customElements.get(tag) || customElements.define(tag, ctor);
};

/** Each piece of the layer in one root, like the real widget. */
export const inner = <T extends Element>(host: TestHost, sel: string) => host.shadowRoot!.querySelector(sel) as T;
