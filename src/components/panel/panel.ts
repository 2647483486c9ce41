// The panel frame (dialog, header, connection banner, error box) as a template function the root
// renders around its message list and composer: no lifecycle of its own, and its parts are
// then the root's own (`panel`, `header`, `error`).
import {html, nothing} from 'lit';
import type {Availability, ConnectionState} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {shared} from '../../styles/shared.styles.js';
import {fire} from '../../events/intent.js';
import {closeIcon} from '../icons.js';

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
  /** Agents online or away; nothing shown when null. */
  availability: Availability | null;
  /** 'reconnecting' and 'offline' show a calm banner (`role="status"`). */
  connection: ConnectionState;
  /** A problem for the visitor (`part="error"`, `role="alert"`); none when empty. */
  error: string;
}

/**
 * The chat panel around `body` (the message list and the composer).
 * @fires {AkeceCloseRequestEvent} akece-close-request - header close button (bubbles, composed)
 */
export const renderPanel = ({id, open, floating: f, strings: s, title, subtitle, availability: a, connection: c, error}: PanelOptions, body: unknown) =>
  html`<section part="panel" id=${id} class="p ${f ? 'float' : 'inline'}" role=${f ? 'dialog' : 'region'} aria-labelledby="${id}-t" ?hidden=${!open}>
    <div part="header" class="h">
      <div>
        <h2 id="${id}-t">${title || s.title}</h2>
        <p>${subtitle || s.subtitle}</p>
        ${a ? html`<p class=${a}>${s[a]}</p>` : nothing}
      </div>
      ${f ? html`<button class="ib" aria-label=${s.close} @click=${(e: Event) => fire(e.target!, 'close-request')}>${closeIcon}</button>` : nothing}
    </div>
    <div class="n" role="status">${c == 'reconnecting' || c == 'offline' ? s[c] : ''}</div>
    ${error ? html`<div part="error" class="e" role="alert">${error}</div>` : nothing}
    ${body}
  </section>`;

/** Styles for `renderPanel`, for the root's `static styles` (after `tokens`): the layer's one sheet. */
export const panelStyles = shared;
