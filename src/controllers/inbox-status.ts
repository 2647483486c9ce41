// Whether the team is in, by the inbox's working hours (contract §11), kept true while the page
// stays open: the inbox is read once, and the state is worked out again when the hours next
// change it (opening or closing time), and at least every hour so that "Back tomorrow" becomes
// "Back today" after midnight.
import type {ReactiveController} from 'lit';
import {readInbox, type InboxSettings} from '../api/inbox.js';
import {officeHoursAt, type OfficeHoursState} from '../i18n/office-hours.js';
import type {SettingsHost} from './host-settings.js';

/** The element's configuration this reads. */
export interface InboxHost extends SettingsHost {
  baseUrl: string;
  inboxIdentifier: string;
  /** `away-mode` (contract §11), a property of the element (attribute `away-mode`). */
  awayMode?: string | null;
}

const HOUR_MS = 3_600_000;

export class InboxStatus implements ReactiveController {
  /** The inbox's settings once read; null before, or when they could not be read. */
  settings: InboxSettings | null = null;
  /** In now (and until when) or away (and back when); null without working hours or before the inbox is read. */
  hours: OfficeHoursState | null = null;
  /** The read has answered (with the settings, or a failure): until then what the inbox requires is unknown. */
  settled = false;
  readonly #host: InboxHost;
  /** The inbox being read, or read, and for which base URL and identifier. */
  #read: Promise<InboxSettings | null> | null = null;
  #readFor = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: InboxHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Reads the inbox (once per page and inbox); resolves null when the server cannot say. */
  load(): Promise<InboxSettings | null> {
    const {baseUrl, inboxIdentifier} = this.#host;
    const key = baseUrl + ' ' + inboxIdentifier;
    if (!this.#read || key != this.#readFor) {
      this.#readFor = key;
      this.settled = false;
      const read: Promise<InboxSettings | null> = !inboxIdentifier ? Promise.resolve(null) : readInbox(baseUrl, inboxIdentifier);
      this.#read = read.then(
        (settings) => {
          if (key == this.#readFor) {
            this.settings = settings;
            this.settled = true;
            this.#check();
          }
          return settings;
        },
        () => {
          if (key == this.#readFor) {
            this.#read = null; // the next need asks again
            this.settled = true;
            this.#host.requestUpdate();
          }
          return null;
        }
      );
    }
    return this.#read;
  }

  hostConnected() {
    if (this.settings) this.#check();
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  /** Works out the state now, re-renders, and comes back when it next changes (or in an hour). */
  #check() {
    clearTimeout(this.#timer);
    const settings = this.settings;
    const now = new Date();
    this.hours = settings?.workingHours ? officeHoursAt(settings.workingHours, settings.timeZone, now) : null;
    this.#host.requestUpdate();
    if (!this.hours) return;
    const change = this.hours.open ? this.hours.closesAt : this.hours.opensAt;
    const wait = change ? Math.min(change.getTime() - now.getTime(), HOUR_MS) : HOUR_MS;
    this.#timer = setTimeout(() => this.#check(), Math.max(wait, 1000));
  }
}
