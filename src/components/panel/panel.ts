// The panel frame (dialog, header, connection banner, error box) as a template function the root
// renders around its message list and composer: no lifecycle of its own, and its parts are
// then the root's own (`panel`, `header`, `error`).
import {html, nothing} from 'lit';
import type {Availability, ConnectionState} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {fire} from '../../events/intent.js';
import {closeIcon} from '../icons.js';

export {panelStyles} from './panel.styles.js';

export interface PanelOptions {
  /** Id of the panel (the launcher's `aria-controls`); `${id}-t` (its title) labels it. */
  id: string;
  /** Shown; with `floating` false it should stay true. */
  open: boolean;
  /** Floating layout: fixed in a corner, labelled dialog, close button in the header (inline: a labelled region). */
  floating: boolean;
  strings: Catalogue;
  /** Header texts; the catalogue's when empty. */
  title?: string;
  subtitle?: string;
  /** Agents online or away (the server's word over the socket); nothing shown when null. */
  availability: Availability | null;
  /** "Usually replies in …" (`reply-time`): the subtitle in place of the catalogue's, unless `subtitle` is set. */
  replyTime?: string;
  /**
   * The inbox's working hours, when it has them: in now, or away with when it is back
   * ("Back on Monday at 09:00", '' when no opening is ahead). Null: no working hours.
   */
  officeHours?: {open: boolean; back: string} | null;
  /** 'reconnecting' and 'offline' show a calm banner (`role="status"`). */
  connection: ConnectionState;
  /** A problem for the visitor (`part="error"`, `role="alert"`); none when empty. */
  error: string;
  /** Header buttons of later features: before the title (back), and before the close button (conversation actions, the sound and notification toggles). */
  leading?: unknown;
  actions?: unknown;
  /** Hears drags over the panel (enter, over, leave, drop): files dropped on it are attached. */
  onDrag?: (event: DragEvent) => void;
}

/**
 * What the header says about the team, so that it never contradicts itself. Outside working
 * hours the team is away, whoever is online, and the line says when it is back (and nothing
 * else: the subtitle line goes, unless the page set its own). Otherwise the
 * agents' presence is the server's word, so it shows only while connected (never "Online"
 * beside "You are offline"); within working hours and not offline, the team counts as in until
 * the server says otherwise. The reply-time line promises a reply only while someone is there.
 */
export const headerLines = ({strings, subtitle, replyTime, availability, officeHours, connection}: PanelOptions) => {
  const closed = officeHours?.open === false;
  const present = connection == 'connected' ? availability : null;
  const reachable = connection != 'offline' && connection != 'reconnecting' && connection != 'error';
  const status: Availability | null = closed ? 'away' : (present ?? (officeHours?.open && reachable ? 'online' : null));
  return {
    // Away, the availability line says it once ("Away · Back tomorrow at 09:00") and the
    // conversation's notice says the rest: no second line repeating it.
    subtitle: subtitle || (status == 'away' ? '' : replyTime || strings.subtitle),
    availability: status,
    back: closed ? officeHours.back : '',
  };
};

/**
 * The chat panel around `body` (the message list and the composer).
 * @fires {AkeceCloseRequestEvent} akece-close-request - header close button (bubbles, composed)
 */
export const renderPanel = (options: PanelOptions, body: unknown) => {
  const {id, open, floating, strings, title, connection, error, leading = nothing, actions = nothing, onDrag} = options;
  const lines = headerLines(options);
  return html`<section
    part="panel"
    id=${id}
    class="panel ${floating ? 'float' : 'inline'}"
    role=${floating ? 'dialog' : 'region'}
    aria-labelledby="${id}-t"
    ?hidden=${!open}
    @dragenter=${onDrag}
    @dragover=${onDrag}
    @dragleave=${onDrag}
    @drop=${onDrag}
  >
    <div part="header" class="header">
      <div class="header-start">
        ${leading}
        <div>
          <h2 id="${id}-t">${title || strings.title}</h2>
          ${lines.subtitle ? html`<p class="reply-time">${lines.subtitle}</p>` : nothing}
          ${lines.availability
            ? html`<p part="availability" class="availability ${lines.availability}">${strings[lines.availability]}${lines.back ? html` · <span>${lines.back}</span>` : nothing}</p>`
            : nothing}
        </div>
      </div>
      <div class="header-actions">
        ${actions}
        ${floating
          ? html`<button class="icon-button" aria-label=${strings.close} @click=${(event: Event) => fire(event.target!, 'close-request')}>${closeIcon}</button>`
          : nothing}
      </div>
    </div>
    <div class="connection-banner" role="status">${connection == 'reconnecting' || connection == 'offline' ? strings[connection] : ''}</div>
    ${error ? html`<div part="error" class="error" role="alert">${error}</div>` : nothing}
    ${body}
  </section>`;
};
