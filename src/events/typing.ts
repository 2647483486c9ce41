import type {Intent} from './intent.js';

/** The visitor started (`on`) or stopped typing. */
export type AkeceTypingEvent = Intent<{on: boolean}>;

declare global {
  interface HTMLElementEventMap {
    'akece-typing': AkeceTypingEvent;
  }
}
