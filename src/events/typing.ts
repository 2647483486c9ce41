import {intent} from './intent.js';

/** The visitor started (`on`) or stopped typing. */
export const AkeceTypingEvent = intent<{on: boolean}>('akece-typing');
export type AkeceTypingEvent = InstanceType<typeof AkeceTypingEvent>;

declare global {
  interface HTMLElementEventMap {
    'akece-typing': AkeceTypingEvent;
  }
}
