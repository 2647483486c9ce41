// A copy of the conversation as plain text (contract §9, "A copy"): who wrote, when, what, and
// the links of attachments. Made in the browser from what the view holds; nothing is sent.

import type {Message} from './model.js';

export interface TranscriptLabels {
  /** Heading line, e.g. "Chat with us: conversation 12". */
  title: string;
  /** The visitor's name in the copy ("You"). */
  you: string;
  /** Name for an agent or bot message without a sender's name. */
  agent: string;
  /** Status notes, by status ("Chat resolved"). */
  status: (status: string) => string;
  /** The date and time of a message, in the visitor's language. */
  time: (at: Date) => string;
}

/** The conversation's messages (oldest first) as the lines of a text file. */
export function transcriptText(messages: Iterable<Message>, labels: TranscriptLabels): string {
  const lines = [labels.title, ''];
  for (const message of messages) {
    if (message.id == null && message.body.type != 'status') continue; // not on the server (pending, failed)
    const when = labels.time(new Date(message.createdAt));
    if (message.body.type == 'status') {
      lines.push(`[${when}] ${labels.status(message.body.status)}`, '');
      continue;
    }
    const who = message.role == 'visitor' ? labels.you : message.sender?.name || labels.agent;
    lines.push(`[${when}] ${who}:`);
    if (message.content) lines.push(message.content);
    for (const attachment of message.attachments) lines.push(`${attachment.fileName || attachment.kind}: ${attachment.url}`);
    lines.push('');
  }
  return lines.join('\n');
}
