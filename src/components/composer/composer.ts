import {LitElement, html} from 'lit';
import {en} from '../../i18n/en.js';
import type {Catalogue} from '../../i18n/en.js';
import {shared} from '../../styles/shared.styles.js';
import {fire} from '../../events/intent.js';
import {attachIcon, sendIcon} from '../icons.js';

/**
 * The visitor's text field with send and attach buttons. Enter sends, Shift+Enter adds a line
 * (never while an IME is composing); the field grows up to about five lines.
 *
 * @summary Message composer.
 * @tag akece-composer
 * @csspart composer - The area holding the text field and buttons.
 * @csspart send-button - The send button.
 * @fires {AkeceSendRequestEvent} akece-send-request - Text and/or picked files to send (bubbles, composed).
 * @fires {AkeceTypingEvent} akece-typing - `on` at every keystroke, off on send and on blur; the session turns these into one "on", and "off" after 4 s without a keystroke (bubbles, composed).
 */
export class AkeceComposer extends LitElement {
  static override styles = shared;
  static override properties = {strings: {attribute: false}};

  /** UI strings. */
  strings: Catalogue = en;

  get #field() {
    return this.renderRoot.querySelector('textarea')!;
  }

  /** Focuses the text field. */
  override focus(options?: FocusOptions) {
    this.#field.focus(options);
  }

  override render() {
    const s = this.strings;
    return html`<div part="composer" class="c">
      <textarea
        rows="1"
        dir="auto"
        aria-label=${s.input}
        placeholder=${s.input}
        @keydown=${(e: KeyboardEvent) => {
          // 229: Safari's Enter that ends an IME composition
          if (e.key == 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode != 229) {
            e.preventDefault();
            this.#send();
          }
        }}
        @input=${this.#handleInput}
        @blur=${this.#stop}
      ></textarea>
      <button class="ib" aria-label=${s.attach} @click=${() => this.renderRoot.querySelector('input')!.click()}>${attachIcon}</button>
      <input type="file" multiple hidden @change=${this.#handlePick} />
      <button part="send-button" class="ib s" aria-label=${s.send} @click=${this.#send}>${sendIcon}</button>
    </div>`;
  }

  #handleInput() {
    const f = this.#field;
    // Auto-grow through CSSOM (allowed under a strict style-src); CSS caps it at ~5 lines.
    f.style.height = '';
    f.style.height = f.scrollHeight + 2 + 'px';
    fire(this, 'typing', {on: true});
  }

  #handlePick(e: Event) {
    const p = e.target as HTMLInputElement;
    const files = [...p.files!];
    p.value = '';
    if (files.length) fire(this, 'send-request', {content: '', files});
  }

  #send() {
    const f = this.#field;
    const content = f.value.trim();
    if (content) {
      f.value = f.style.height = '';
      this.#stop();
      fire(this, 'send-request', {content, files: []});
    }
  }

  #stop() {
    fire(this, 'typing', {on: false});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-composer': AkeceComposer;
  }
}
