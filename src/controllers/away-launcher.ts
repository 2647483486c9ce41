// `away-mode="hide"` (contract §11): while the team is away the launcher is hidden, unless a
// conversation has unread messages or the panel is open (a conversation the visitor is in never
// vanishes under them). The one exception to "quiet until needed": the root imports this chunk as
// soon as the setting says `hide` (attribute or property, at load or later), and it reads the
// inbox at once (no contact, socket or storage write). It hides the launcher with a sheet of its
// own in the root's shadow root, so the root's template and page-start code stay as they are.
//
// The team is away as the header says it (src/components/panel/panel.ts, `headerLines`): outside
// the inbox's working hours whoever is online, and otherwise when the server's word over the
// socket is that no agent is online. Both are followed during the visit: the working hours by
// InboxStatus (re-checked when they next change), the agents' presence by the session's state,
// whose every change re-renders the element and so runs `hostUpdated()` here.
import type {ReactiveController} from 'lit';
import {firstContactOf, type FirstContact} from './first-contact.js';
import type {InboxHost} from './inbox-status.js';
import type {ChatState} from '../state/chat-state.js';

/** What it reads of the element. */
export interface AwayHost extends InboxHost {
  readonly open: boolean;
  readonly layout: string;
  readonly unreadCount: number;
  /** 'idle' while no session runs (a new visitor's page start). */
  readonly connectionState: string;
}

/** Where the element's running session is found (the root's panel actions), for the agents' presence. */
export interface SessionSource {
  session(): {readonly store: {getState(): ChatState}} | null;
  /** Runs a call on the session, loading the full session if need be. */
  run(call: () => unknown): void;
}

const HIDDEN = '[part~=launcher] { display: none; }';

/** The team is away: outside working hours, or (within them, or without any) no agent online by the socket's last word
 * (none yet, just after connecting: not away, so that a hidden launcher does not flicker). */
export function teamAway(welcome: FirstContact, state: ChatState | null): boolean {
  if (welcome.inbox.hours) return !welcome.inbox.hours.open || (state?.connection == 'connected' && state.availability == 'away');
  return state?.connection == 'connected' && state.availability == 'away';
}

class AwayLauncher implements ReactiveController {
  readonly #host: AwayHost;
  readonly #sessions: SessionSource;
  readonly #welcome: FirstContact;
  readonly #sheet = new CSSStyleSheet();
  #hidden = false;
  /** The full session was asked for, for the agents' presence. */
  #askedForSession = false;

  constructor(host: AwayHost, sessions: SessionSource) {
    this.#host = host;
    this.#sessions = sessions;
    this.#welcome = firstContactOf(host); // reads the inbox now
    host.addController(this);
    host.requestUpdate();
  }

  /** After every render (a setting, the inbox read, the hour passing, presence, an unread message, opening): hide or show. */
  hostUpdated() {
    const host = this.#host;
    const welcome = this.#welcome;
    const session = this.#sessions.session();
    // A known contact starts quietly, without the full session that follows the agents'
    // presence (src/state/contact-watch.ts): hiding by presence needs it, so it comes now.
    if (!session && welcome.awayMode == 'hide' && host.connectionState != 'idle' && !this.#askedForSession) {
      this.#askedForSession = true;
      this.#sessions.run(() => undefined);
    }
    const state = session?.store.getState() ?? null;
    const hidden = welcome.awayMode == 'hide' && teamAway(welcome, state) && host.unreadCount == 0 && !host.open && host.layout != 'inline';
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

/** Hides the launcher of `host` while the team is away and `away-mode` is `hide` (once per element; it follows the setting after). */
export function hideWhenAway(host: AwayHost, sessions: SessionSource): void {
  if (launchers.has(host)) return;
  launchers.add(host);
  new AwayLauncher(host, sessions);
}
