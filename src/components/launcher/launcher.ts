// A template function, not an element: the launcher has no lifecycle, and rendering it in the
// root's shadow root makes its parts (`launcher`, `unread-badge`) the root's own parts.
import {html, nothing} from 'lit';
import type {Catalogue} from '../../i18n/en.js';
import {t} from '../../i18n/i18n.js';
import {shared} from '../../styles/shared.styles.js';
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
 * Styles for `renderLauncher`, for the root's `static styles`: the layer's one sheet (Lit adopts
 * a sheet listed twice only once). Corner: `:host([position=left])`, mirrored in RTL.
 */
export const launcherStyles = shared;
