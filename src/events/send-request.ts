import {intent} from './intent.js';

/** The visitor asked to send a message: text and/or files (composer, card postback buttons). */
export const AkeceSendRequestEvent = intent<{
  /** Trimmed text; may be empty when only files are sent. */
  content: string;
  /** Files picked with the attach button. */
  files: readonly File[];
}>('akece-send-request');
export type AkeceSendRequestEvent = InstanceType<typeof AkeceSendRequestEvent>;

declare global {
  interface HTMLElementEventMap {
    'akece-send-request': AkeceSendRequestEvent;
  }
}
