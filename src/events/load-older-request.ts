import type {Intent} from './intent.js';

/** The visitor wants older messages (button, or scrolled to the top). */
export type AkeceLoadOlderRequestEvent = Intent;

declare global {
  interface HTMLElementEventMap {
    'akece-load-older-request': AkeceLoadOlderRequestEvent;
  }
}
