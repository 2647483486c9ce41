// The rich-content module, loaded on demand (dist/rich.js beside the script-tag bundle, or
// this file's module for npm users): agent Markdown and bot forms. It keeps the script-tag
// bundle under its size budget; until it arrives, messages show as plain text.
export {markdown} from '../../markdown/markdown.js';
export {renderBot} from './bot.js';
