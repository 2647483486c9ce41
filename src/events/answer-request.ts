import type {SubmittedAnswer} from '../state/model.js';

/** The visitor answered a bot or CSAT message. */
export class AkeceAnswerRequestEvent extends Event {
  static readonly eventName = 'akece-answer-request';
  constructor(/** `Message.key` of the question. */ readonly key: string, readonly answer: SubmittedAnswer) {
    super(AkeceAnswerRequestEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'akece-answer-request': AkeceAnswerRequestEvent;
  }
}
