// The composer's emoji button and the picker it opens (contract §12, "Emoji"). The picker is a
// chunk of its own (src/define-emoji-picker.ts), loaded when the button is first pressed; this
// controller opens and closes it, puts the chosen emoji at the caret and focus back in the field.
import {css, html, nothing} from 'lit';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Catalogue} from '../../i18n/en.js';
import type {AkeceEmojiPickEvent} from '../../events/emoji-pick.js';
import type {RecentStorage} from '../emoji/recent-emoji.js';

/**
 * A smiling face, drawn like the other icons (src/components/icons.ts); kept here because that
 * module loads at page start, and this one only with the panel.
 */
const emojiIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18M8 14a5 5 0 0 0 8 0M9 9v1M15 9v1"></path></svg>`;

/** The picker floats above the composer's row, across its width. */
export const emojiControlStyles = css`
  .composer {
    position: relative;
  }
  .emoji-picker {
    position: absolute;
    inset-inline: 8px;
    bottom: calc(100% + 4px);
    z-index: 1;
  }
`;

/** The picker's chunk, loaded once for every composer of the page. */
let pickerLoaded: Promise<unknown> | undefined;

export class EmojiControl implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #field: () => HTMLTextAreaElement;
  #open = false;
  /** The picker's chunk is there. */
  #ready = false;

  /** @param field the composer's text field, where emoji go */
  constructor(host: ReactiveControllerHost & HTMLElement, field: () => HTMLTextAreaElement) {
    this.#host = host;
    this.#field = field;
    host.addController(this);
  }

  hostDisconnected() {
    this.#open = false;
  }

  /** The picker (while open, above the composer's row) and the button that opens it. */
  render(strings: Catalogue, storage: RecentStorage) {
    return html`${this.#open && this.#ready
        ? html`<akece-emoji-picker
            class="emoji-picker"
            .strings=${strings}
            .storage=${storage}
            @akece-emoji-pick=${this.#handlePick}
            @akece-emoji-close=${this.#backToField}
            @focusout=${this.#handleFocusOut}
          ></akece-emoji-picker>`
        : nothing}
      <button part="emoji-button" class="icon-button emoji-button" aria-label=${strings.emoji_open} aria-expanded=${this.#open} @click=${this.#toggle}>
        ${emojiIcon}
      </button>`;
  }

  get #picker() {
    return (this.#host.shadowRoot ?? this.#host).querySelector('akece-emoji-picker');
  }

  // Handlers are arrow functions: Lit calls a template's listeners with the composer as `this`.
  readonly #toggle = async () => {
    if (this.#open) return this.#backToField();
    this.#open = true;
    this.#host.requestUpdate();
    try {
      await (pickerLoaded ??= import('../../define-emoji-picker.js'));
    } catch {
      pickerLoaded = undefined; // offline or refused: a later press tries again
      this.#open = false;
      this.#host.requestUpdate();
      return;
    }
    this.#ready = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#picker?.focus();
  };

  /** Closes the picker and puts focus back in the text field, its caret where it was. */
  readonly #backToField = () => {
    this.#open = false;
    this.#host.requestUpdate();
    this.#field().focus();
  };

  /**
   * Inserts the emoji at the caret (replacing any selection) as if typed: the browser's own
   * insertion keeps its undo history and fires `input` (the field grows, the agent sees typing).
   */
  readonly #handlePick = (event: AkeceEmojiPickEvent) => {
    this.#backToField();
    const field = this.#field();
    if (!document.execCommand('insertText', false, event.emoji)) {
      field.setRangeText(event.emoji, field.selectionStart, field.selectionEnd, 'end');
      field.dispatchEvent(new Event('input'));
    }
  };

  /** Focus left the picker for somewhere else (Tab, a click elsewhere): it closes, focus stays there. */
  readonly #handleFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (to && (this.#picker?.contains(to) || this.#picker?.shadowRoot?.contains(to))) return;
    if (to instanceof Element && to.matches('.emoji-button')) return; // the button toggles it
    this.#open = false;
    this.#host.requestUpdate();
  };
}
