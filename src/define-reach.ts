// Registers the element of the reach chunk (src/reach/reach.ts): the previews beside the
// closed launcher. Imported by that chunk only, which loads on first need.
import {defineElement} from './utils/define-element.js';
import {AkecePreviews} from './components/previews/previews.js';

defineElement('akece-previews', AkecePreviews);
