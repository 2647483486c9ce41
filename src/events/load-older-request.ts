import {intent} from './intent.js';

/** The visitor wants older messages (button, or scrolled to the top). */
export const AkeceLoadOlderRequestEvent = intent('akece-load-older-request');
export type AkeceLoadOlderRequestEvent = InstanceType<typeof AkeceLoadOlderRequestEvent>;

declare global {
  interface HTMLElementEventMap {
    'akece-load-older-request': AkeceLoadOlderRequestEvent;
  }
}
