// Internal intent events (types only): children → root, which stops their propagation.
export type {AkeceSendRequestEvent} from './send-request.js';
export type {AkeceRetryRequestEvent} from './retry-request.js';
export type {AkeceLoadOlderRequestEvent} from './load-older-request.js';
export type {AkeceAnswerRequestEvent} from './answer-request.js';
export type {AkeceTypingEvent} from './typing.js';
export type {AkeceCloseRequestEvent} from './close-request.js';
export type {AkeceToggleRequestEvent} from './toggle-request.js';
export type {AkecePreviewDismissRequestEvent} from './preview-dismiss-request.js';
export type {AkeceConversationRequestEvent} from './conversation-request.js';
export type {AkecePreChatSubmitEvent} from './pre-chat-submit.js';
export {fire} from './intent.js';
