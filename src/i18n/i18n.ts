import {en} from './en.js';
import type {Catalogue, MessageKey} from './en.js';

export {en};
export type {Catalogue, MessageKey};

/** `text` with its one `{…}` placeholder filled by `v` (a function replacer: `$` in a name stays literal). */
export const t = (text: string, v: string | number) => text.replace(/\{\w+\}/, () => v as string);

/** Text direction of a BCP 47 locale. */
export const dirFor = (locale: string): 'rtl' | 'ltr' => (/^(ar|he|iw|fa|ur)\b/i.test(locale) ? 'rtl' : 'ltr');
