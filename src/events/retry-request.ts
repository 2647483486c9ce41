import {intent} from './intent.js';

/** The visitor asked to send a failed message again. */
export const AkeceRetryRequestEvent = intent<{/** `Message.key` of the failed message. */ key: string}>('akece-retry-request');
export type AkeceRetryRequestEvent = InstanceType<typeof AkeceRetryRequestEvent>;

declare global {
  interface HTMLElementEventMap {
    'akece-retry-request': AkeceRetryRequestEvent;
  }
}
