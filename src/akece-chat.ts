// Entry of the script-tag bundle (dist/akece-chat.js): defines the elements (guarded) and adds
// the snippet loader. npm users import src/main.ts instead, which sets no globals.
import './define.js';
import './bootstrap.js';
