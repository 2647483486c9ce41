// The conversation's history: the latest page, older pages on request, and the backfill after a
// reconnect that fetches what the socket missed.

import type {ContactApi} from '../api/contact-api.js';
import type {ConversationDto} from '../api/types.js';

/** Akece's page size for messages. */
export const PAGE_SIZE = 20;
/** A backfill stops after this many pages; anything older is one "load older" away. */
const MAX_BACKFILL_PAGES = 10;

/** What History needs from the session. */
export interface HistoryHost {
  /** The conversation in view (null: none yet). */
  conversationId(): number | null;
  /** The highest server message id held (0: none). */
  highestIdHeld(): number;
  /** Merges wire messages; `live` ones newly on the server are announced. */
  receive(wireMessages: readonly unknown[], options: {live: boolean; hasOlder?: boolean}): void;
  /** The conversation as the server sent it (status, last seen). */
  conversationReceived(conversation: ConversationDto): void;
}

const idOf = (wire: unknown): number | undefined => {
  const id = typeof wire == 'object' && wire != null ? (wire as {id?: unknown}).id : undefined;
  return typeof id == 'number' && Number.isFinite(id) ? id : undefined;
};

export class History {
  constructor(
    private readonly api: ContactApi,
    private readonly host: HistoryHost
  ) {}

  /** The latest page (`before` absent) or the page before message `before`, not announced. */
  async loadPage(before?: number): Promise<void> {
    const conversationId = this.host.conversationId();
    if (conversationId == null) return;
    this.receivePage(await this.api.getMessages(conversationId, before));
  }

  /** A page fetched already (by the quiet start of a known contact, contact-watch.ts), not announced. */
  receivePage(page: readonly unknown[]): void {
    this.host.receive(page, {live: false, hasOlder: page.length >= PAGE_SIZE});
  }

  /**
   * After a drop: the conversation (its status may have changed), the latest page, then older
   * pages (each ascending, so its first item is its oldest) until one reaches what is held.
   * What arrives this way is announced as live: the visitor did not see it yet.
   */
  async backfill(): Promise<void> {
    const conversationId = this.host.conversationId();
    if (conversationId == null) return;
    this.host.conversationReceived(await this.api.getConversation(conversationId));
    const highestHeld = this.host.highestIdHeld();
    let before: number | undefined;
    for (let pages = 0; pages < MAX_BACKFILL_PAGES; pages++) {
      const page = await this.api.getMessages(conversationId, before);
      this.host.receive(page, {live: true});
      before = idOf(page[0]);
      const reachedHeld = !highestHeld || before == null || before <= highestHeld;
      if (page.length < PAGE_SIZE || reachedHeld) break;
    }
  }
}
