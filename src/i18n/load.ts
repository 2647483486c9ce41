// Other languages load on demand so the English path carries none of them.
import {en} from './en.js';
import type {Catalogue} from './en.js';

const locales: Record<string, () => Promise<{default: Catalogue}>> = {
  es: () => import('./locales/es.js'),
  pt: () => import('./locales/pt-BR.js'),
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  ar: () => import('./locales/ar.js'),
};

/** The catalogue for a BCP 47 tag (`pt-BR`, `es-MX`, `fr`…), matched on its language; English when unknown or unloadable. */
export async function loadLocale(tag: string): Promise<Catalogue> {
  const lang = tag.toLowerCase().split(/[-_]/)[0];
  try {
    return Object.hasOwn(locales, lang) ? (await locales[lang]()).default : en;
  } catch {
    return en; // a chunk that fails to load must not break the widget
  }
}
