// Internal intent events: children → root, which stops their propagation.
export {AkeceSendRequestEvent} from './send-request.js';
export {AkeceRetryRequestEvent} from './retry-request.js';
export {AkeceLoadOlderRequestEvent} from './load-older-request.js';
export {AkeceAnswerRequestEvent} from './answer-request.js';
export {AkeceTypingEvent} from './typing.js';
export {AkeceCloseRequestEvent} from './close-request.js';
export {AkeceToggleRequestEvent} from './toggle-request.js';
