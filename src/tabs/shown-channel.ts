// The channel on which the tabs of one contact say which conversation the visitor chose
// (src/tabs/shown-conversation.ts). Its own small file: a quiet tab (a known contact whose full
// session has not loaded, src/controllers/session-binding.ts) listens on it too, to know when it
// must follow a choice, without the full session's chunk.

export type ShownMessage =
  /** A tab joined: tabs that know of a choice answer. */
  | {kind: 'ask'}
  /** The visitor chose `conversationId` (null: a new one, not yet created) at `at` (unix ms). */
  | {kind: 'shown'; conversationId: number | null; at: number};

/** The channel of the contact whose socket token is `contact`. */
export const shownChannel = (contact: string) => new BroadcastChannel(`akece-chat:shown:${contact}`);
