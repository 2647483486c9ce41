// Registers <akece-chat> (guarded). Its panel's elements (message list, composer) are registered
// by src/define-panel.ts when the panel's chunk first loads.
import {defineElement} from './utils/define-element.js';
import {AkeceChat} from './chat/chat.js';

defineElement('akece-chat', AkeceChat);
