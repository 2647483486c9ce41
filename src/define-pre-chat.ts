// The pre-chat form's chunk: loaded only when the form is to be shown (src/chat/first-contact-view.ts), registered like the panel's (src/define-panel.ts).
import {defineElement} from './utils/define-element.js';
import {AkecePreChatForm} from './components/pre-chat/pre-chat-form.js';

defineElement('akece-pre-chat-form', AkecePreChatForm);

declare global {
  interface HTMLElementTagNameMap {
    'akece-pre-chat-form': AkecePreChatForm;
  }
}
