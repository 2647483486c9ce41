// Other languages load on demand so the English path carries none of them. The catalogues are
// separate ES modules beside this one (dist/lib/i18n/locales/ for npm users) or beside the
// script-tag bundle (dist/locales/), found relative to the running script: its URL is read
// once, while the script runs, because `document.currentScript` is gone later.
import {en} from './en.js';
import type {Catalogue} from './en.js';
import {matchLanguage} from './languages.js';

const base = import.meta.url;

/**
 * The catalogue for a BCP 47 tag (`pt-BR`, `es-MX`, `zh-Hans`…; see `matchLanguage`), with
 * English filling any missing key; English itself when the language is not one the widget
 * speaks or its catalogue cannot load (a catalogue that fails to load must not break the widget).
 * Only tags from the list of languages ever reach the module URL.
 */
export const loadLocale = async (tag: string): Promise<Catalogue> => {
  const language = matchLanguage(tag);
  if (language.tag == 'en') return en;
  try {
    const module: {default: Partial<Catalogue>} = await import(/* @vite-ignore */ new URL(`./locales/${language.tag}.js`, base).href);
    return {...en, ...module.default};
  } catch {
    return en;
  }
};
