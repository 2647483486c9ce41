// `away-mode="hide"` (contract §11): outside working hours the launcher is hidden, unless a
// conversation has unread messages (or the panel is open). The one exception to "quiet until
// needed": the root imports this chunk at page load when the attribute is set, and it reads the
// inbox at once (no contact, socket or storage write). It hides the launcher with a sheet of its
// own in the root's shadow root, so the root's template and page-start code stay as they are.
import type {ReactiveController} from 'lit';
import {firstContactOf, type FirstContact} from './first-contact.js';
import type {InboxHost} from './inbox-status.js';

/** What it reads of the element. */
export interface AwayHost extends InboxHost {
  readonly open: boolean;
  readonly layout: string;
  readonly unreadCount: number;
}

const HIDDEN = '[part~=launcher] { display: none; }';

class AwayLauncher implements ReactiveController {
  readonly #host: AwayHost;
  readonly #welcome: FirstContact;
  readonly #sheet = new CSSStyleSheet();
  #hidden = false;

  constructor(host: AwayHost) {
    this.#host = host;
    this.#welcome = firstContactOf(host); // reads the inbox now
    host.addController(this);
    host.requestUpdate();
  }

  /** After every render (the inbox read, the hour passing, an unread message, opening): hide or show. */
  hostUpdated() {
    const host = this.#host;
    const welcome = this.#welcome;
    const hidden = welcome.awayMode == 'hide' && welcome.away && host.unreadCount == 0 && !host.open && host.layout != 'inline';
    const root = host.shadowRoot;
    if (!root) return;
    // The root replaces its sheets when the panel's arrive: put this one back whenever it is missing.
    if (!root.adoptedStyleSheets.includes(this.#sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
    if (hidden != this.#hidden) {
      this.#hidden = hidden;
      this.#sheet.replaceSync(hidden ? HIDDEN : '');
    }
  }
}

const launchers = new WeakSet<AwayHost>();

/** Hides the launcher of `host` while the team is away (once per element). */
export function hideWhenAway(host: AwayHost): void {
  if (launchers.has(host)) return;
  launchers.add(host);
  new AwayLauncher(host);
}
