import type {Intent} from './intent.js';

/** The visitor asked to send a message: text and/or files (composer, card postback buttons). */
export type AkeceSendRequestEvent = Intent<{
  /** Trimmed text; may be empty when only files are sent. */
  content: string;
  /** Files picked with the attach button. */
  files: readonly File[];
}>;

declare global {
  interface HTMLElementEventMap {
    'akece-send-request': AkeceSendRequestEvent;
  }
}
