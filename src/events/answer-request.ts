import {intent} from './intent.js';
import type {SubmittedAnswer} from '../state/model.js';

/** The visitor answered a bot or CSAT message. */
export const AkeceAnswerRequestEvent = intent<{
  /** `Message.key` of the question. */
  key: string;
  answer: SubmittedAnswer;
}>('akece-answer-request');
export type AkeceAnswerRequestEvent = InstanceType<typeof AkeceAnswerRequestEvent>;

declare global {
  interface HTMLElementEventMap {
    'akece-answer-request': AkeceAnswerRequestEvent;
  }
}
