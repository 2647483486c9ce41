// The visitor's writer (src/state/visitor-writer.ts), in the same chunk, with what the tabs of
// one visitor share once the visitor may write (contract §10, "Several tabs"): the outbox. (The
// conversation shown is shared by every tab, writing or not: src/tabs/shown-conversation.ts, with
// the full session.) Where the page keeps nothing (`storage="none"`) or the browser cannot share,
// the writer works alone, as before.
import type {ChatSession} from '../state/chat-session.js';
import {VisitorWriter, type WriterContext} from '../state/visitor-writer.js';
import {OutboxMirror} from './outbox-mirror.js';

/**
 * Makes the session's writer; with `sharedSession` (the tabs of this visitor share one socket,
 * src/controllers/chat-session-binding.ts), its outbox is that of the other tabs.
 */
export function createWriter(context: WriterContext, sharedSession: ChatSession | false): VisitorWriter {
  const writer = new VisitorWriter(context);
  if (!sharedSession) return writer;
  writer.share(new OutboxMirror(writer, {contact: () => context.store.getState().contact?.pubsubToken}));
  return writer;
}
