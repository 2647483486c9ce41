import {intent} from './intent.js';

/** The visitor pressed the header's close button. */
export const AkeceCloseRequestEvent = intent('akece-close-request');
export type AkeceCloseRequestEvent = InstanceType<typeof AkeceCloseRequestEvent>;

declare global {
  interface HTMLElementEventMap {
    'akece-close-request': AkeceCloseRequestEvent;
  }
}
