import type {Intent} from './intent.js';
import type {PreChatValues} from '../state/pre-chat-form.js';

/** The visitor sent the pre-chat form, every answer valid. Stopped where the panel renders the form. */
export type AkecePreChatSubmitEvent = Intent<{values: PreChatValues}>;

declare global {
  interface HTMLElementEventMap {
    'akece-pre-chat-submit': AkecePreChatSubmitEvent;
  }
}
