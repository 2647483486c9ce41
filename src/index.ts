// Side-effect-free exports: classes, event classes and types. Importing this defines nothing.
export {AkeceChat} from './chat/chat.js';
export type * from './state/model.js';
