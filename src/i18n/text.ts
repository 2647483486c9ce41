// Filling a catalogue's texts: `t()` for placeholders, `plural()` for counted phrases. Apart from
// the catalogues (src/i18n/i18n.ts), so that the closed widget can count its unread messages
// without loading them.
import type {PluralForms} from './en.js';
import {formatNumber, intlLocale} from './number.js';

/** Values for a text's `{name}` placeholders. */
export type Values = Readonly<Record<string, string | number>>;

/**
 * `text` with its placeholders filled. With one value, the first `{…}` placeholder takes it
 * (`t('{name} is typing…', 'Ana')`); with an object, each `{key}` takes its value and unknown
 * placeholders stay as they are. Values go in literally (`$&` in a name stays `$&`); numbers go
 * in as written, so format them first (`formatNumber`) when they are shown to the visitor.
 */
export function t(text: string, values: string | number | Values): string {
  if (typeof values != 'object') return text.replace(/\{\w+\}/, () => String(values));
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder));
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The CLDR plural category of `count` in `locale` (`one`, `few`, …; `other` for a bad tag). */
export const pluralCategory = (count: number, locale: string): Intl.LDMLPluralRule => {
  const tag = intlLocale(locale);
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(tag)));
  return rules.select(count);
};

/**
 * The phrasing of `forms` for `count` by the plural rules of `locale` (the catalogue's `lang`),
 * falling back to `other`, with `{count}` as a number formatted for `locale` and any other
 * placeholder from `values`.
 *
 *     plural(strings.unread_messages, 3, strings.lang)  // "3 unread messages", "٣ رسائل غير مقروءة"
 */
export const plural = (forms: PluralForms, count: number, locale: string, values: Values = {}): string =>
  t(forms[pluralCategory(count, locale)] ?? forms.other, {...values, count: formatNumber(count, locale)});
