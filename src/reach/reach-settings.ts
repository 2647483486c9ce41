// What the visitor and the page chose about being reached (contract §10): the page's attributes
// `previews`, `sound` and `notifications`, and the visitor's own choices (sound muted,
// notifications wanted), remembered in the storage the page chose (`storage`).
import type {ReactiveController} from 'lit';
import {HostSettings, type SettingsHost} from '../controllers/host-settings.js';
import {storageKey} from '../state/storage-key.js';

/** The element's configuration this file reads (properties of <akece-chat>). */
export interface ReachHost extends SettingsHost {
  baseUrl: string;
  inboxIdentifier: string;
  storage: 'local' | 'session' | 'none';
  /** Opens the panel. */
  show(): void;
}

/** The visitor's choices, as stored. */
interface VisitorChoices {
  muted: boolean;
  notify: boolean;
}

const NO_CHOICES: VisitorChoices = {muted: false, notify: false};

/** The chosen Web Storage, or null for `none` or where the page forbids storage. */
function pickStorage(kind: ReachHost['storage']): Storage | null {
  try {
    return kind == 'none' ? null : kind == 'session' ? sessionStorage : localStorage;
  } catch {
    return null;
  }
}

function readChoices(storage: Storage | null, key: string): VisitorChoices {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
    if (typeof stored != 'object' || stored == null) return NO_CHOICES;
    return {muted: 'muted' in stored && stored.muted === true, notify: 'notify' in stored && stored.notify === true};
  } catch {
    return NO_CHOICES; // unreadable or blocked
  }
}

const settingsByHost = new WeakMap<ReachHost, ReachSettings>();

/**
 * One per element, for its whole life: the panel's toggles and the session's alerts read the
 * same choices. Another tab's change (a `storage` event) is taken over at once, so that muting in
 * one tab mutes them all.
 */
export class ReachSettings implements ReactiveController {
  /** The element's settings, made on first use. */
  static for(host: ReachHost): ReachSettings {
    let settings = settingsByHost.get(host);
    if (!settings) settingsByHost.set(host, (settings = new ReachSettings(host)));
    return settings;
  }

  readonly #host: ReachHost;
  readonly #attributes: HostSettings;
  /** Kept in memory with `storage="none"`, and read again when the key changes. */
  #choices: VisitorChoices = NO_CHOICES;
  #readFrom = '';

  private constructor(host: ReachHost) {
    this.#host = host;
    this.#attributes = new HostSettings(host, ['previews', 'sound', 'notifications']);
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('storage', this.#handleStorage);
  }

  hostDisconnected() {
    window.removeEventListener('storage', this.#handleStorage);
  }

  /** Attribute `previews`: `on` (default) or `off`. */
  get previews(): boolean {
    return this.#attributes.choice('previews', ['on', 'off'], 'on') == 'on';
  }

  /** Attribute `sound`: `on` (default) or `off`. */
  get sound(): boolean {
    return this.#attributes.choice('sound', ['on', 'off'], 'on') == 'on';
  }

  /** Attribute `notifications`: `off` (default) or `on`, where the browser has them. */
  get notifications(): boolean {
    return this.#attributes.choice('notifications', ['on', 'off'], 'off') == 'on' && 'Notification' in window;
  }

  /** The visitor muted the chime. */
  get muted(): boolean {
    return this.#current().muted;
  }

  /** The visitor turned notifications on (the browser's permission is asked for apart). */
  get notify(): boolean {
    return this.#current().notify;
  }

  set muted(muted: boolean) {
    this.#choose({...this.#current(), muted});
  }

  set notify(notify: boolean) {
    this.#choose({...this.#current(), notify});
  }

  /** Where the choices are kept: one entry per server and inbox, beside the stored session. */
  get #key(): string {
    return storageKey(this.#host.baseUrl, this.#host.inboxIdentifier) + ':reach';
  }

  #current(): VisitorChoices {
    const where = this.#host.storage + ' ' + this.#key;
    if (where != this.#readFrom) {
      this.#readFrom = where;
      this.#choices = readChoices(pickStorage(this.#host.storage), this.#key);
    }
    return this.#choices;
  }

  #choose(choices: VisitorChoices) {
    this.#choices = choices;
    try {
      pickStorage(this.#host.storage)?.setItem(this.#key, JSON.stringify(choices));
    } catch {
      // full or blocked: the choice holds for this page
    }
    this.#host.requestUpdate();
  }

  #handleStorage = (event: StorageEvent) => {
    if (event.key != this.#key || event.storageArea != pickStorage(this.#host.storage)) return;
    this.#readFrom = '';
    this.#host.requestUpdate();
  };
}
