// The visitor's writer (src/state/visitor-writer.ts), in the same chunk, with what the tabs of
// one visitor share once the visitor may write (contract §10, "Several tabs"): the outbox and the
// conversation shown. Where the page keeps nothing (`storage="none"`) or the browser cannot share,
// the writer works alone, as before.
import type {ChatSession} from '../state/chat-session.js';
import {VisitorWriter, type WriterContext} from '../state/visitor-writer.js';
import {OutboxMirror} from './outbox-mirror.js';
import {ShownConversationSync} from './shown-conversation.js';

/**
 * Makes the session's writer; with `sharedSession` (the tabs of this visitor share one socket,
 * src/controllers/chat-session-binding.ts), its outbox and conversation are those of the other tabs.
 */
export function createWriter(context: WriterContext, sharedSession: ChatSession | false): VisitorWriter {
  const writer = new VisitorWriter(context);
  if (!sharedSession) return writer;
  const shown = new ShownConversationSync(sharedSession);
  writer.share(new OutboxMirror(writer, {contact: () => context.store.getState().contact?.pubsubToken, disposed: () => shown.dispose()}));
  return writer;
}
