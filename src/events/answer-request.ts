import type {Intent} from './intent.js';
import type {SubmittedAnswer} from '../state/model.js';
/** The visitor answered a bot or CSAT message. */
export type AkeceAnswerRequestEvent = Intent<{
  /** `Message.key` of the question. */
  key: string;
  answer: SubmittedAnswer;
}>;

declare global {
  interface HTMLElementEventMap {
    'akece-answer-request': AkeceAnswerRequestEvent;
  }
}
