import type {Intent} from './intent.js';

/** The visitor pressed the launcher (open when closed, close when open). */
export type AkeceToggleRequestEvent = Intent;

declare global {
  interface HTMLElementEventMap {
    'akece-toggle-request': AkeceToggleRequestEvent;
  }
}
