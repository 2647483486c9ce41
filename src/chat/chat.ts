import {LitElement, html} from 'lit';

/**
 * The Akece customer chat widget.
 *
 * @summary Customer chat for Akece (Chatwoot-compatible) inboxes.
 * @tag akece-chat
 */
export class AkeceChat extends LitElement {
  override render() {
    return html`<div part="panel"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-chat': AkeceChat;
  }
}
