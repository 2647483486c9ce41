// A template function, not an element: the launcher has no lifecycle, and rendering it in the
// root's shadow root makes its parts (`launcher`, `unread-badge`) the root's own parts.
import {css, html, nothing} from 'lit';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {AkeceToggleRequestEvent} from '../../events/toggle-request.js';
import {chatIcon, closeIcon} from '../icons.js';

export interface LauncherOptions {
  /** The panel is open (shows the close icon; `aria-expanded`). */
  open: boolean;
  /** Unread agent messages; the badge shows when > 0. */
  unread: number;
  /** Id of the panel, for `aria-controls`. */
  controls: string;
  strings: Catalogue;
}

/**
 * The floating launcher button: `part="launcher"` with the `unread-badge` part while `unread > 0`.
 * Its accessible name carries the count ("Open chat, 2 unread messages").
 * @fires {AkeceToggleRequestEvent} akece-toggle-request - on click (bubbles, composed)
 */
export const renderLauncher = ({open, unread, controls, strings: s}: LauncherOptions) =>
  html`<button
    part="launcher"
    type="button"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls=${controls}
    aria-label=${(open ? s.close : s.open) + (unread > 0 ? ', ' + t(s, unread == 1 ? 'unread1' : 'unread', {count: unread}) : '')}
    @click=${(e: Event) => e.currentTarget!.dispatchEvent(new AkeceToggleRequestEvent())}
  >
    ${open ? closeIcon : chatIcon}${unread > 0 ? html`<span part="unread-badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}
  </button>`;

/** Styles for `renderLauncher`, for the root's `static styles`. Corner: `:host([position=left])`, mirrored in RTL. */
export const launcherStyles = css`
  [part='launcher'] {
    position: fixed;
    z-index: var(--akece-z-index);
    bottom: var(--akece-offset-bottom);
    inset-inline-end: var(--akece-offset-inline);
    display: grid;
    place-items: center;
    width: var(--akece-launcher-size);
    height: var(--akece-launcher-size);
    border: 0;
    border-radius: 50%;
    background: var(--akece-color-accent);
    color: var(--akece-color-on-accent);
    box-shadow: var(--akece-shadow);
  }
  [part='launcher'] svg {
    width: 28px;
    height: 28px;
  }
  [part='unread-badge'] {
    position: absolute;
    top: -4px;
    inset-inline-end: -4px;
    min-width: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: var(--akece-badge-background);
    color: #fff;
    font-size: 12px;
    font-weight: 700;
    line-height: 22px;
  }
  :host([position='left']) [part='launcher'],
  :host([position='left']) .float {
    inset-inline: var(--akece-offset-inline) auto;
  }
`;
