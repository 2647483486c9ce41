// Registers the panel's elements, leaf-first. Imported by the panel's chunk
// (src/chat/panel-view.ts), which loads when the panel first opens.
import {defineElement} from './utils/define-element.js';
import {AkeceMessageList} from './components/message-list/message-list.js';
import {AkeceComposer} from './components/composer/composer.js';

defineElement('akece-message-list', AkeceMessageList);
defineElement('akece-composer', AkeceComposer);
