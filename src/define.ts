// The only module with side effects: registers every tag, leaf-first.
import {defineElement} from './utils/define-element.js';
import {AkeceMessageList} from './components/message-list/message-list.js';
import {AkeceComposer} from './components/composer/composer.js';
import {AkeceChat} from './chat/chat.js';

defineElement('akece-message-list', AkeceMessageList);
defineElement('akece-composer', AkeceComposer);
defineElement('akece-chat', AkeceChat);
