// When a reply chimes and when it raises a system notification (contract §10).
import type {Message} from '../state/model.js';
import type {Chime} from './chime.js';
import type {Notifier} from './notifier.js';
import type {ReachSettings} from './reach-settings.js';

/** Replies less than this apart are one burst: one chime for all of them. */
export const BURST_MS = 2000;

/** What the alerts need to know about the element and the page. */
export interface AlertContext {
  /** The visitor sees the panel (open, or always there with `layout="inline"`). */
  panelShown(): boolean;
  /** The notice for a reply; null when there is nothing to say. */
  notice(message: Message): {title: string; body: string; lang: string; dir: 'ltr' | 'rtl'} | null;
  /** Opens the chat (a notice was chosen). */
  open(): void;
  /** Names the chime's lock: the same reply in another tab of this server must find it taken. */
  lockName(message: Message): string;
}

/** The page has had a user activation (a click, a key): browsers allow sound only then. */
const hasBeenActive = () => navigator.userActivation?.hasBeenActive ?? false;

/**
 * Hears each new reply and decides: a chime when the visitor does not see the panel (closed, or
 * the page hidden), at most once per burst, only after a user activation, unless the page or the
 * visitor turned sound off, and in one tab only (a Web Lock named after the reply, held for a
 * burst's length: the other tabs, which receive the same reply, find it taken); a system
 * notification when the page is hidden and the visitor turned them on.
 */
export class ReplyAlerts {
  #lastReplyAt = -Infinity;
  /** Ends the holds of chime locks still held (dispose). */
  readonly #releases = new Set<() => void>();

  constructor(
    private readonly settings: ReachSettings,
    private readonly chime: Chime,
    private readonly notifier: Notifier,
    private readonly context: AlertContext
  ) {}

  heard(message: Message, now = Date.now()) {
    if (message.role != 'agent') return;
    const startsBurst = now - this.#lastReplyAt >= BURST_MS;
    this.#lastReplyAt = now;
    const hidden = document.visibilityState == 'hidden';
    if (!hidden && this.context.panelShown()) return;
    const {settings} = this;
    if (startsBurst && settings.sound && !settings.muted && hasBeenActive()) this.#chimeInOneTab(message);
    const notice = hidden && settings.notifications && settings.notify ? this.context.notice(message) : null;
    if (notice) this.notifier.show({...notice, tag: `akece-chat:${message.conversationId}`, onChoose: () => this.context.open()});
  }

  dispose() {
    for (const release of this.#releases) release();
    this.chime.dispose();
    this.notifier.dispose();
  }

  #chimeInOneTab(message: Message) {
    const locks = navigator.locks;
    if (!locks) {
      this.chime.play();
      return;
    }
    locks
      .request(this.context.lockName(message), {ifAvailable: true}, (lock) => {
        if (!lock) return undefined;
        this.chime.play();
        return this.#holdForABurst();
      })
      .catch(() => {});
  }

  #holdForABurst(): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.#releases.delete(release);
        resolve();
      };
      const timer = setTimeout(release, BURST_MS);
      this.#releases.add(release);
    });
  }
}
