import {intent} from './intent.js';

/** The visitor pressed the launcher (open when closed, close when open). */
export const AkeceToggleRequestEvent = intent('akece-toggle-request');
export type AkeceToggleRequestEvent = InstanceType<typeof AkeceToggleRequestEvent>;

declare global {
  interface HTMLElementEventMap {
    'akece-toggle-request': AkeceToggleRequestEvent;
  }
}
