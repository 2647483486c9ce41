// The chat's state before anything happened, in a file of its own: the quiet start of a known
// contact (src/controllers/session-binding.ts) needs it without chat-state.ts's reducer and
// timeline.
import type {ChatState} from './chat-state.js';
import type {MessageSequence} from './model.js';

/** The state before anything happened, holding `messages` (an empty timeline, or a plain empty
 * list where the timeline's code is not loaded: src/controllers/session-binding.ts). */
export const emptyChatState = (messages: MessageSequence): ChatState => ({
  connection: 'idle',
  contact: null,
  conversationId: null,
  conversationStatus: null,
  messages,
  hasOlder: false,
  loadingOlder: false,
  agentTyping: null,
  availability: null,
  unreadCount: 0,
  otherUnread: 0,
  lastSeenAt: 0,
  error: null,
  panelVisible: false,
});
