import type {Intent} from './intent.js';

/** The visitor asked to send a failed message again. */
export type AkeceRetryRequestEvent = Intent<{/** `Message.key` of the failed message. */ key: string}>;

declare global {
  interface HTMLElementEventMap {
    'akece-retry-request': AkeceRetryRequestEvent;
  }
}
