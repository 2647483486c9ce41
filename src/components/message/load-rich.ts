// Loads the rich-content module (Markdown, bot forms) the first time a message needs it. Its URL
// is relative to the running script, read once while the script runs (as for the locales):
// dist/rich.js beside the script-tag bundle, or ./rich.js beside this module for npm users.
type Rich = typeof import('./rich.js');

const base = import.meta.url;
let loaded: Rich | undefined;
let loading: Promise<unknown> | undefined;

/** The module if it is there; otherwise starts loading it (once) and returns undefined. */
export const rich = (): Rich | undefined => {
  loading ??= import(/* @vite-ignore */ new URL('./rich.js', base).href).then(
    (m: Rich) => (loaded = m),
    () => {} // offline or blocked: messages stay plain text, nothing breaks
  );
  return loaded;
};

/** Settles once the module has loaded or failed to. */
export const richReady = () => (rich(), loading!);
