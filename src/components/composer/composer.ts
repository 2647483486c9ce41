import {LitElement, html} from 'lit';
import {en} from '../../i18n/en.js';
import type {Catalogue} from '../../i18n/en.js';
import {shared} from '../../styles/shared.styles.js';
import {AkeceSendRequestEvent} from '../../events/send-request.js';
import {AkeceTypingEvent} from '../../events/typing.js';
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
 * @fires {AkeceTypingEvent} akece-typing - `on` at the first keystroke, off after 4 s idle, on send and on blur (bubbles, composed).
 */
export class AkeceComposer extends LitElement {
  static override styles = shared;
  static override properties = {strings: {attribute: false}, disabled: {type: Boolean, reflect: true}};

  /** UI strings. */
  strings: Catalogue = en;
  /** Blocks typing, sending and attaching. */
  disabled = false;

  private timer?: ReturnType<typeof setTimeout>;
  private typing = false;

  private get field() {
    return this.renderRoot.querySelector('textarea');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.idle(false);
  }

  /** Focuses the text field. */
  override focus(options?: FocusOptions) {
    this.field?.focus(options);
  }

  override render() {
    const s = this.strings;
    const off = this.disabled;
    return html`<div part="composer">
      <textarea
        rows="1"
        aria-label=${s.input}
        placeholder=${s.placeholder}
        ?disabled=${off}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key == 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode != 229) {
            e.preventDefault();
            this.send();
          }
        }}
        @input=${this.handleInput}
        @blur=${() => this.idle(true)}
      ></textarea>
      <button class="ib" type="button" aria-label=${s.attach} ?disabled=${off} @click=${() => this.renderRoot.querySelector('input')!.click()}>
        ${attachIcon}
      </button>
      <input type="file" multiple hidden tabindex="-1" @change=${this.handlePick} />
      <button part="send-button" class="ib" type="button" aria-label=${s.send} ?disabled=${off} @click=${this.send}>${sendIcon}</button>
    </div>`;
  }

  private handleInput() {
    const f = this.field!;
    // Auto-grow through CSSOM (allowed under a strict style-src); CSS caps it at ~5 lines.
    f.style.height = 'auto';
    f.style.height = `${f.scrollHeight + 2}px`;
    if (!this.typing) this.dispatchEvent(new AkeceTypingEvent({on: (this.typing = true)}));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.idle(true), 4000);
  }

  private handlePick(e: Event) {
    const p = e.target as HTMLInputElement;
    const files = [...p.files!];
    p.value = '';
    if (files.length && !this.disabled) this.dispatchEvent(new AkeceSendRequestEvent({content: '', files}));
  }

  private send() {
    const f = this.field!;
    const content = f.value.trim();
    if (content && !this.disabled) {
      this.idle(true);
      f.value = '';
      f.style.height = '';
      this.dispatchEvent(new AkeceSendRequestEvent({content, files: []}));
    }
  }

  /** Ends "typing": clears the idle timer and, if `tell`, announces it. */
  private idle(tell: boolean) {
    clearTimeout(this.timer);
    if (this.typing && tell) this.dispatchEvent(new AkeceTypingEvent({on: false}));
    this.typing = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-composer': AkeceComposer;
  }
}
