// Other languages load on demand so the English path carries none of them. The catalogues are
// separate ES modules beside this one (dist/lib/i18n/locales/ for npm users) or beside the
// script-tag bundle (dist/locales/), found relative to the running script: its URL is read
// once, while the script runs, because `document.currentScript` is gone later.
import {en} from './en.js';
import type {Catalogue} from './en.js';

const base = import.meta.url;

/** The catalogue for a BCP 47 tag (`pt-BR`, `es-MX`, `fr`…), matched on its language; English when unknown or unloadable. */
export async function loadLocale(tag: string): Promise<Catalogue> {
  const lang = /^(es|pt|fr|de|ar)(?![a-z])/i.exec(tag)?.[1].toLowerCase();
  try {
    return lang
      ? {...en, ...(await import(/* @vite-ignore */ new URL(`./locales/${lang == 'pt' ? 'pt-BR' : lang}.js`, base).href)).default}
      : en;
  } catch {
    return en; // a catalogue that fails to load must not break the widget
  }
}
