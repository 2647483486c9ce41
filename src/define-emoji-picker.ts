// Registers the emoji picker. Its own chunk, imported by the composer when the visitor first
// presses the emoji button (src/components/composer/emoji-control.ts).
import {defineElement} from './utils/define-element.js';
import {AkeceEmojiPicker} from './components/emoji/emoji-picker.js';

defineElement('akece-emoji-picker', AkeceEmojiPicker);
