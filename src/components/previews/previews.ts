import {LitElement, html, nothing} from 'lit';
import type {Catalogue} from '../../i18n/en.js';
import {plural} from '../../i18n/text.js';
import {base} from '../../styles/base.styles.js';
import {fire} from '../../events/intent.js';
import {closeIcon} from '../icons.js';
import {previewsStyles} from './previews.styles.js';

/** One message shown beside the closed launcher: who wrote it and its text (plain text, never HTML). */
export interface PreviewItem {
  /** The message's key, stable for its life. */
  readonly key: string;
  readonly name: string;
  readonly text: string;
  /** When it was written (unix ms). */
  readonly createdAt: number;
}

/** The entries of the catalogue the previews use. */
export type PreviewStrings = Pick<Catalogue, 'lang' | 'new_messages' | 'preview_dismiss'>;

/**
 * The newest unread messages from the other side, beside the closed launcher: each one a button
 * that opens the panel (the launcher's own intent), and one button that hides them all (Escape
 * does too). Not a live region: the root's live region has read each message out already, once.
 *
 * @summary Message previews beside the closed launcher.
 * @tag akece-previews
 * @csspart preview - One message's preview (a button that opens the panel).
 * @csspart preview-dismiss - The button that hides the previews.
 * @cssproperty [--akece-preview-background=var(--akece-color-surface)] - Background of each preview.
 * @fires {AkeceToggleRequestEvent} akece-toggle-request - A preview was chosen: open the panel (bubbles, composed).
 * @fires {AkecePreviewDismissRequestEvent} akece-preview-dismiss-request - The visitor hid the previews (bubbles, composed).
 */
export class AkecePreviews extends LitElement {
  static override styles = [base, previewsStyles];
  static override properties = {
    items: {attribute: false},
    strings: {attribute: false},
    position: {reflect: true},
  };

  /** Oldest first (the newest sits nearest the launcher). */
  items: readonly PreviewItem[] = [];
  strings: PreviewStrings | null = null;
  /** The launcher's corner: `right` or `left` (mirrored for RTL, like the launcher). */
  position: 'right' | 'left' = 'right';

  override render() {
    const {items, strings} = this;
    if (!strings || !items.length) return nothing;
    return html`<div role="group" class="stack" aria-label=${plural(strings.new_messages, items.length, strings.lang)} @keydown=${this.handleKeydown}>
      <button part="preview-dismiss" class="icon-button dismiss" aria-label=${strings.preview_dismiss} @click=${this.handleDismiss}>${closeIcon}</button>
      <ul class="list">
        ${items.map(
          (item) =>
            html`<li>
              <button part="preview" class="preview" @click=${this.handleOpen}><span class="name">${item.name}</span><span class="text">${item.text}</span></button>
            </li>`
        )}
      </ul>
    </div>`;
  }

  private handleOpen(event: Event) {
    fire(event.currentTarget!, 'toggle-request');
  }

  private handleDismiss() {
    fire(this, 'preview-dismiss-request');
  }

  private handleKeydown(event: KeyboardEvent) {
    if (event.key == 'Escape') {
      event.stopPropagation();
      this.handleDismiss();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-previews': AkecePreviews;
  }
}
