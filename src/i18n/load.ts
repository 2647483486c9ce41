// Other languages load on demand so the English path carries none of them. The catalogues are
// separate ES modules beside this one (dist/lib/i18n/locales/ for npm users) or beside the
// script-tag bundle (dist/locales/), found relative to the running script: its URL is read
// once, while the script runs, because `document.currentScript` is gone later.
import {en} from './en.js';
import type {Catalogue} from './en.js';

const base = import.meta.url;

/**
 * The catalogue for a BCP 47 tag (`pt-BR`, `es-MX`, `fr`…), matched on its language, with
 * English filling any missing key; English itself when unknown or unloadable (a catalogue that
 * fails to load must not break the widget).
 */
export const loadLocale = async (tag: string): Promise<Catalogue> => {
  const l = /^(es|pt|fr|de|ar)(?![a-z])/i.exec(tag)?.[1].toLowerCase();
  return l ? import(/* @vite-ignore */ new URL(`./locales/${l == 'pt' ? 'pt-BR' : l}.js`, base).href).then((m) => ({...en, ...m.default}), () => en) : en;
};
