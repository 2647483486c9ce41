// A template function, not an element: the launcher has no lifecycle, and rendering it in the
// root's shadow root makes its parts (`launcher`, `unread-badge`) the root's own parts.
import {html, nothing} from 'lit';
import type {LauncherCatalogue} from '../../i18n/en-launcher.js';
import {plural} from '../../i18n/text.js';
import {fire} from '../../events/intent.js';
import {chatIcon, closeIcon} from '../icons.js';

export {launcherStyles} from './launcher.styles.js';

export interface LauncherOptions {
  /** The panel is open (shows the close icon; `aria-expanded`). */
  open: boolean;
  /** Unread agent messages; the badge shows when > 0. */
  unread: number;
  /** Id of the panel, for `aria-controls`. */
  controls: string;
  /** Only what the closed widget says: the whole catalogue may not be loaded yet. */
  strings: LauncherCatalogue;
}

/**
 * The floating launcher button: `part="launcher"` with the `unread-badge` part while `unread > 0`.
 * Its accessible name carries the count in the language's plural form ("Open chat, 2 unread messages").
 * @fires {AkeceToggleRequestEvent} akece-toggle-request - on click (bubbles, composed)
 */
export const renderLauncher = ({open, unread, controls, strings}: LauncherOptions) =>
  html`<button
    part="launcher"
    class="icon-button launcher"
    aria-expanded=${open}
    aria-controls=${controls}
    aria-label=${(open ? strings.close : strings.show) + (unread ? ', ' + plural(strings.unread_messages, unread, strings.lang) : '')}
    @click=${(event: Event) => fire(event.target!, 'toggle-request')}
  >
    ${open ? closeIcon : chatIcon}${unread ? html`<span part="unread-badge" class="unread-badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}
  </button>`;

