import {en} from './en.js';
import type {Catalogue, MessageKey} from './en.js';

export {en};
export type {Catalogue, MessageKey};

/** The string for `key` in `c` (English when missing), with `{name}` placeholders filled from `p`. */
export const t = (c: Partial<Catalogue>, key: MessageKey, p?: Record<string, string | number>): string =>
  // a number returned by the replacer becomes a string; unknown placeholders stay as they are
  (c[key] ?? en[key]).replace(/\{(\w+)\}/g, (m, n: string) => (p?.[n] ?? m) as string);

/** Text direction of a BCP 47 locale. */
export const dirFor = (locale: string): 'rtl' | 'ltr' => (/^(ar|he|iw|fa|ur)\b/i.test(locale) ? 'rtl' : 'ltr');
