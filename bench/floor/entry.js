// The floor of the size benchmark: what any Lit widget on reconnecting-websocket must ship.
// A trivial element that uses LitElement, html, css and ReconnectingWebSocket, so that none of
// them is tree-shaken away.
import {LitElement, html, css} from 'lit';
import ReconnectingWebSocket from 'reconnecting-websocket';

class FloorElement extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
  `;
  static properties = {state: {}};

  constructor() {
    super();
    this.state = 'idle';
  }

  connectedCallback() {
    super.connectedCallback();
    this.ws = new ReconnectingWebSocket('wss://example.com/cable');
    this.ws.addEventListener('message', (e) => (this.state = String(e.data)));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.ws.close();
  }

  render() {
    return html`<p>${this.state}</p>`;
  }
}

if (!customElements.get('floor-element')) customElements.define('floor-element', FloorElement);
