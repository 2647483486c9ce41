// The panel frame (dialog, header, connection banner, error box) as a template function the root
// renders around its message list and composer: no lifecycle of its own, and its parts are
// then the root's own (`panel`, `header`, `error`).
import {css, html, nothing} from 'lit';
import type {Availability, ConnectionState} from '../../state/model.js';
import type {Catalogue} from '../../i18n/en.js';
import {AkeceCloseRequestEvent} from '../../events/close-request.js';
import {closeIcon} from '../icons.js';

export interface PanelOptions {
  /** Id of the panel (the launcher's `aria-controls`); `${id}-title` labels it. */
  id: string;
  /** Shown; with `floating` false it should stay true. */
  open: boolean;
  /** Floating layout: fixed in a corner, labelled dialog, close button in the header. */
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
export const renderPanel = (o: PanelOptions, body: unknown) => {
  const s = o.strings;
  const c = o.connection;
  return html`<section
    part="panel"
    id=${o.id}
    class=${o.floating ? 'float' : 'inline'}
    role=${o.floating ? 'dialog' : 'region'}
    aria-labelledby="${o.id}-title"
    ?hidden=${!o.open}
  >
    <div part="header">
      <div>
        <h2 id="${o.id}-title">${o.title || s.title}</h2>
        <p>${o.subtitle || s.subtitle}</p>
        ${o.availability ? html`<p><span class="dot ${o.availability}"></span>${s[o.availability]}</p>` : nothing}
      </div>
      ${o.floating
        ? html`<button
            class="ib"
            type="button"
            aria-label=${s.close}
            @click=${(e: Event) => e.currentTarget!.dispatchEvent(new AkeceCloseRequestEvent())}
          >
            ${closeIcon}
          </button>`
        : nothing}
    </div>
    <div class="banner" role="status">${c == 'reconnecting' ? s.reconnecting : c == 'offline' ? s.offline : ''}</div>
    ${o.error ? html`<div part="error" role="alert">${o.error}</div>` : nothing}
    ${body}
  </section>`;
};

/** Styles for `renderPanel`, for the root's `static styles` (after `tokens` and `shared`). */
export const panelStyles = css`
  [part='panel'] {
    display: flex;
    flex-direction: column;
    overflow: hidden;
    background: var(--akece-color-surface);
    color: var(--akece-color-text);
  }
  .inline {
    height: 100%;
  }
  .float {
    position: fixed;
    z-index: var(--akece-z-index);
    bottom: calc(var(--akece-offset-bottom) + var(--akece-launcher-size) + 12px);
    inset-inline-end: var(--akece-offset-inline);
    width: min(var(--akece-panel-width), calc(100vw - 2 * var(--akece-offset-inline)));
    height: min(var(--akece-panel-height), calc(100vh - var(--akece-offset-bottom) - var(--akece-launcher-size) - 32px));
    border-radius: var(--akece-radius);
    box-shadow: var(--akece-shadow);
  }
  @media (max-width: 480px) {
    .float {
      inset: 0;
      width: auto;
      height: auto;
      border-radius: 0;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .float {
      animation: rise 0.2s ease-out;
    }
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  [part='header'] {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 8px;
    padding: 14px 16px;
    background: var(--akece-color-accent);
    color: var(--akece-color-on-accent);
  }
  h2 {
    margin: 0;
    font-size: 17px;
  }
  [part='header'] p {
    margin: 2px 0 0;
    font-size: 13px;
  }
  .dot {
    display: inline-block;
    width: 9px;
    height: 9px;
    margin-inline-end: 6px;
    border: 1px solid #fff;
    border-radius: 50%;
    background: #9ca3af;
  }
  .online {
    background: #22c55e;
  }
  .banner {
    padding: 6px 12px;
    background: var(--akece-message-background);
    font-size: 13px;
    text-align: center;
  }
  .banner:empty {
    display: none;
  }
  [part='error'] {
    margin: 8px 12px 0;
    padding: 8px 12px;
    border: 1px solid var(--akece-color-danger);
    border-radius: 8px;
    color: var(--akece-color-danger);
    font-size: 13px;
  }
`;
