// Entry point of /agent: the console on the server's own agent API.
import {AgentConsole} from './console.js';

const root = /** @type {HTMLElement} */ (document.getElementById('app'));
new AgentConsole(root).start();
