// Entry point of /configure: the server wrote its own origin and inbox into the page.
import {ConfigurePage} from './configure.js';

const root = /** @type {HTMLElement} */ (document.getElementById('configure'));
new ConfigurePage(root, {origin: root.dataset.origin ?? location.origin, inbox: root.dataset.inbox ?? 'demo-inbox'});
