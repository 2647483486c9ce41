// Entry module of the script-tag build: dist/akece-chat.js (src/loader/script-tag.ts) imports it
// and hands it the loader for later chunks. It defines the element (guarded) and adds the
// snippet loader. npm users import src/main.ts instead, which sets no globals.
import './define.js';
import './bootstrap.js';
export {useChunkImporter} from './loader/import-chunk.js';
