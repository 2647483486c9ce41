// The catalogues and what fills their texts, in one import for the panel's code.
import {en} from './en.js';
import type {Catalogue, MessageKey, PluralForms, PluralKey, TextDirection, TextKey, Weekdays} from './en.js';

export {en};
export type {Catalogue, MessageKey, PluralForms, PluralKey, TextDirection, TextKey, Weekdays};
export {dirFor, languages, matchLanguage} from './languages.js';
export type {Language} from './languages.js';

export {t, plural, pluralCategory} from './text.js';
export type {Values} from './text.js';
