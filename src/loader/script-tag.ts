// dist/akece-chat.js, the classic script a page adds (`<script src=… defer>`). It stays small:
// it finds its own folder, imports the entry module from there with its integrity checked (the
// hashes of every file are written into this script by the build, so the page's `integrity` on
// the script tag covers them all) and hands its loader to the entry for the chunks that come
// later. Loading it twice is harmless: the browser runs each module once.
import {ChunkLoader} from './chunk-loader.js';
import type {ChunkManifest} from './manifest.js';
import type {ChunkImporter} from './import-chunk.js';

/** Written by the build (scripts/bundle.mjs). */
declare const AKECE_CHUNK_MANIFEST: ChunkManifest;

/** What the entry module exports to this script. */
interface EntryModule {
  useChunkImporter(importer: ChunkImporter): void;
}

/**
 * Nothing of the widget could load: each <akece-chat> on the page says so itself (part `error`,
 * `role="alert"`) and tells the page (`akece-error`). Built from DOM nodes and text only.
 */
function reportFailure(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  for (const element of document.querySelectorAll('akece-chat')) {
    if (!element.shadowRoot) {
      const alert = document.createElement('div');
      alert.setAttribute('part', 'error');
      alert.setAttribute('role', 'alert');
      alert.textContent = 'The chat could not be loaded.';
      element.attachShadow({mode: 'open'}).append(alert);
    }
    element.dispatchEvent(new CustomEvent('akece-error', {detail: {code: 'module-refused', message}, bubbles: true, composed: true}));
  }
}

function start() {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const loader = new ChunkLoader(new URL('.', script.src).href, AKECE_CHUNK_MANIFEST);
  loader.importEntry().then(
    (entry) => (entry as EntryModule).useChunkImporter((url) => loader.import(url)),
    (error: unknown) => {
      // With `defer` the document is parsed by now; otherwise wait for the markup's elements.
      if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', () => reportFailure(error));
      else reportFailure(error);
    }
  );
}

start();
