import type {Intent} from './intent.js';

/** The visitor pressed the header's close button. */
export type AkeceCloseRequestEvent = Intent;

declare global {
  interface HTMLElementEventMap {
    'akece-close-request': AkeceCloseRequestEvent;
  }
}
