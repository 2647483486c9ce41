import {LitElement, html} from 'lit';
import {en} from '../../i18n/en.js';
import type {Catalogue} from '../../i18n/en.js';
import {shared} from '../../styles/shared.styles.js';
import {fire} from '../../events/intent.js';
import {attachIcon, sendIcon} from '../icons.js';
import {composerStyles} from './composer.styles.js';
import {textDirection} from './text-direction.js';
import {EmojiControl, emojiControlStyles} from './emoji-control.js';
import type {RecentStorage} from '../emoji/recent-emoji.js';

/**
 * A paste with more line breaks than this is inserted by the composer itself: the browser's own
 * editing command inserts a paragraph per line, in time that grows with the square of the lines
 * (a 10,000-line paste froze the page for seconds). Smaller pastes keep the native path, and
 * with it the browser's undo.
 */
const LARGE_PASTE_LINES = 100;

/**
 * The visitor's text field with send and attach buttons. Enter sends, Shift+Enter adds a line
 * (never while an IME is composing); the field grows up to about five lines.
 *
 * @summary Message composer.
 * @tag akece-composer
 * @csspart composer - The area holding the text field and buttons.
 * @csspart send-button - The send button.
 * @csspart emoji-button - The button that opens the emoji picker.
 * @cssproperty [--akece-composer-border-color=#6b7280] - Border of the composer and its field.
 * @cssproperty [--akece-send-button-background=var(--akece-color-accent)] - Send button.
 * @fires {AkeceSendRequestEvent} akece-send-request - Text and/or picked files to send (bubbles, composed).
 * @fires {AkeceTypingEvent} akece-typing - `on` at every keystroke, off on send and on blur; the session turns these into one "on", and "off" after 4 s without a keystroke (bubbles, composed).
 */
export class AkeceComposer extends LitElement {
  static override styles = [shared, composerStyles, emojiControlStyles];
  static override properties = {strings: {attribute: false}, storage: {attribute: false}};

  /** UI strings. */
  strings: Catalogue = en;
  /** Where the emoji picker remembers recent emoji (the element's `storage`). */
  storage: RecentStorage = 'local';

  readonly #emoji = new EmojiControl(this, () => this.#field);

  get #field() {
    return this.renderRoot.querySelector('textarea')!;
  }

  /** Focuses the text field. */
  override focus(options?: FocusOptions) {
    this.#field.focus(options);
  }

  // No dir=auto on the field: Chromium recomputes an auto direction over the whole value at
  // every change, in time that grows with the square of its lines (20,000 short lines: 10 s).
  // The direction is set from the first strong letter instead (#handleInput), as dir=auto would.
  override render() {
    const strings = this.strings;
    return html`<div part="composer" class="composer">
      <textarea
        rows="1"
        aria-label=${strings.input}
        placeholder=${strings.input}
        @keydown=${this.#handleKeydown}
        @paste=${this.#handlePaste}
        @input=${this.#handleInput}
        @blur=${this.#stop}
      ></textarea>
      ${this.#emoji.render(strings, this.storage)}
      <button class="icon-button" aria-label=${strings.attach} @click=${() => this.renderRoot.querySelector('input')!.click()}>${attachIcon}</button>
      <input type="file" multiple hidden @change=${this.#handlePick} />
      <button part="send-button" class="icon-button send-button" aria-label=${strings.send} @click=${this.#send}>${sendIcon}</button>
    </div>`;
  }

  #handleKeydown(event: KeyboardEvent) {
    // 229: Safari's Enter that ends an IME composition
    if (event.key == 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode != 229) {
      event.preventDefault();
      this.#send();
    }
  }

  /** A large plain-text paste goes in as one replacement of the selection (linear in its length). */
  #handlePaste(event: ClipboardEvent) {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0 && lines <= LARGE_PASTE_LINES; at = text.indexOf('\n', at + 1)) lines++;
    if (lines <= LARGE_PASTE_LINES) return;
    event.preventDefault();
    const field = this.#field;
    field.setRangeText(text.replace(/\r\n?/g, '\n'), field.selectionStart, field.selectionEnd, 'end');
    this.#handleInput();
  }

  #handleInput() {
    const field = this.#field;
    const direction = textDirection(field.value);
    if (direction) field.dir = direction;
    else field.removeAttribute('dir');
    // Auto-grow through CSSOM (allowed under a strict style-src); CSS caps it at ~5 lines.
    field.style.height = '';
    field.style.height = field.scrollHeight + 2 + 'px';
    fire(this, 'typing', {on: true});
  }

  #handlePick(event: Event) {
    const picker = event.target as HTMLInputElement;
    const files = [...picker.files!];
    picker.value = '';
    if (files.length) fire(this, 'send-request', {content: '', files});
  }

  #send() {
    const field = this.#field;
    const content = field.value.trim();
    if (content) {
      field.value = field.style.height = '';
      field.removeAttribute('dir');
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
