// The only module with side effects: registers every tag, leaf-first.
import {defineElement} from './utils/define-element.js';
import {AkeceChat} from './chat/chat.js';

defineElement('akece-chat', AkeceChat);
