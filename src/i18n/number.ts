// A number in the visitor's language: all that the closed widget formats (its unread count, in
// src/i18n/text.ts). Apart from format.ts so that the page-start chunk does not hold the date
// and size formats, which only the panel uses.

/** A tag Intl accepts: `tag` canonicalised, or `en` when it is not BCP 47. */
export const intlLocale = (tag: string): string => {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
};

const numberFormats = new Map<string, Intl.NumberFormat>();

/** `1234.5` → "1,234.5" (en), "1.234,5" (de), "۱٬۲۳۴٫۵" (fa). */
export const formatNumber = (value: number, locale: string): string => {
  const tag = intlLocale(locale);
  let format = numberFormats.get(tag);
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)));
  return format.format(value);
};
