// A template function, not an element: the launcher has no lifecycle, and rendering it in the
// root's shadow root makes its parts (`launcher`, `unread-badge`) the root's own parts.
import {css, html, nothing} from 'lit';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {fire} from '../../events/intent.js';
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
 * Its accessible name carries the count ("Open chat, 2 unread").
 * @fires {AkeceToggleRequestEvent} akece-toggle-request - on click (bubbles, composed)
 */
export const renderLauncher = ({open, unread: n, controls, strings: s}: LauncherOptions) =>
  html`<button
    part="launcher"
    class="ib l"
    aria-expanded=${open}
    aria-controls=${controls}
    aria-label=${(open ? s.close : s.show) + (n ? ', ' + t(s.unread, n) : '')}
    @click=${(e: Event) => fire(e.target!, 'toggle-request')}
  >
    ${open ? closeIcon : chatIcon}${n ? html`<span part="unread-badge" class="u" aria-hidden="true">${n > 99 ? '99+' : n}</span>` : nothing}
  </button>`;

/**
 * Styles for `renderLauncher`, for the root's `static styles` (after `tokens`): what the closed
 * widget needs, so that a page whose visitor never opens the chat loads no panel CSS (the
 * layer's sheet, `shared`, comes with the panel and repeats these rules). Corner:
 * `:host([position=left])`, mirrored in RTL.
 */
export const launcherStyles = css`
  * {
    box-sizing: border-box;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  button {
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid;
    outline-offset: 2px;
  }
  .l:focus-visible {
    outline-offset: -6px;
  }
  svg {
    width: 24px;
    height: 24px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }
  .ib {
    display: grid;
    place-items: center;
    flex: none;
    padding: 0;
    border: 0;
    border-radius: 50%;
  }
  .l {
    position: fixed;
    z-index: var(--akece-z-index, 2147483000);
    bottom: var(--_y);
    inset-inline-end: var(--akece-offset-inline);
    width: 56px;
    height: 56px;
    box-shadow: 0 4px 24px #0004;
    background: var(--_a);
    color: var(--_o);
  }
  .u {
    position: absolute;
    top: -4px;
    inset-inline-end: -4px;
    min-width: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: #dc2626;
    font: 700 12px/22px sans-serif;
  }
`;
