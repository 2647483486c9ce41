// Sizes, shares and durations for attachments and voice notes, through Intl in the visitor's
// language. Apart from format.ts, which the page start loads: only the on-demand attachment
// tray and recorder use these, and importing format.ts's formatter cache would make the page
// start export it to them. Formatters are built once per locale and options.

const formatters = new Map<string, Intl.NumberFormat>();

const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = locale + JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, options);
    } catch {
      formatter = new Intl.NumberFormat('en', options); // not a BCP 47 tag
    }
    formatters.set(key, formatter);
  }
  return formatter;
};

/** `0.42` → "42%" (en), "42 %" (fr), "%42" (tr). */
export const formatPercent = (fraction: number, locale: string): string =>
  numberFormat(locale, {style: 'percent', maximumFractionDigits: 0}).format(fraction);

const sizeUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size in bytes as the visitor reads it: "820 bytes", "12 kB", "3.5 MB" (units of 1024; bytes in
 * words, as CLDR's short form of a byte is "byte" whatever the number). */
export const formatFileSize = (bytes: number, locale: string): string => {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < sizeUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return numberFormat(locale, {style: 'unit', unit: sizeUnits[unit], unitDisplay: unit ? 'short' : 'long', maximumFractionDigits: value < 10 && unit ? 1 : 0}).format(value);
};

/** A duration in seconds as a clock: 42 → "0:42", 3725 → "1:02:05", digits of `locale`. */
export const formatDuration = (seconds: number, locale: string): string => {
  const whole = Math.max(0, Math.floor(seconds));
  const twoDigits = numberFormat(locale, {minimumIntegerDigits: 2, useGrouping: false});
  const plain = numberFormat(locale, {useGrouping: false});
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor(whole / 60) % 60;
  const rest = twoDigits.format(whole % 60);
  return hours ? `${plain.format(hours)}:${twoDigits.format(minutes)}:${rest}` : `${plain.format(minutes)}:${rest}`;
};
