// Loads the rich-content module (Markdown, media, bot forms) the first time a message needs it:
// a chunk of its own beside the script tag (checked against its pinned hash), or ./rich.js
// beside this module for npm users.
type RichModule = typeof import('./rich.js');

let loaded: RichModule | undefined;
let loading: Promise<unknown> | undefined;

/** The module if it is there; otherwise starts loading it (once) and returns undefined. */
export const rich = (): RichModule | undefined => {
  loading ??= import('./rich.js').then(
    (module) => (loaded = module),
    () => {} // offline, blocked or refused: messages stay plain text, nothing breaks
  );
  return loaded;
};

/** Settles once the module has loaded or failed to. */
export const richReady = () => (rich(), loading!);
