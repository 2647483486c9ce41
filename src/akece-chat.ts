// Bundle entry: defines <akece-chat> (guarded) and re-exports the public API.
import './define.js';
export * from './index.js';
