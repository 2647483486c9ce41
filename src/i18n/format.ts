// Numbers, sizes, times and days through Intl, in the visitor's language and time zone (no date
// library). Pure functions; the Intl formatters are built once per locale and options because
// building one costs far more than using it. A malformed locale falls back to English and an
// unknown time zone to the browser's own, so bad input never throws.
import {wallClock} from './time-zone.js';
import {intlLocale} from './number.js';

// The closed widget counts its unread messages with these two (src/i18n/text.ts), so they live
// in a module of their own: the page-start chunk then holds only them, not every date format.
export {formatNumber, intlLocale} from './number.js';

const zones = new Map<string, string | undefined>();

/** An IANA time zone Intl knows, or undefined (the browser's own zone). Checked once per name. */
const knownZone = (timeZone: string | undefined): string | undefined => {
  if (!timeZone) return undefined;
  if (!zones.has(timeZone)) {
    try {
      new Intl.DateTimeFormat('en', {timeZone});
      zones.set(timeZone, timeZone);
    } catch {
      zones.set(timeZone, undefined);
    }
  }
  return zones.get(timeZone);
};

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

const cached = <T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, options: object, make: () => T): T => {
  const key = kind + JSON.stringify(options);
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
};

const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) => {
  const tag = intlLocale(locale);
  const withZone = {...options, timeZone: knownZone(options.timeZone)};
  return cached('date' + tag, withZone, () => new Intl.DateTimeFormat(tag, withZone));
};

/** Where and when: the language to format in, the time zone (default: the browser's) and "now". */
export interface DateOptions {
  timeZone?: string;
  now?: Date;
}

/** A time of day: "9:00 AM" (en), "09:00" (de, en-GB), "9:00" (ja), in `timeZone`. */
export const formatTime = (date: Date, locale: string, {timeZone}: DateOptions = {}): string =>
  dateFormat(locale, {timeStyle: 'short', timeZone}).format(date);

/** Calendar days from `now` to `date` in `timeZone`: 0 today, 1 tomorrow, -1 yesterday. */
export const daysFrom = (date: Date, {now = new Date(), timeZone}: DateOptions = {}): number =>
  wallClock(date, knownZone(timeZone)).day - wallClock(now, knownZone(timeZone)).day;

/** Day of the week of `date` in `timeZone`, Sunday 0 (as `Date.prototype.getDay()`). */
export const weekdayOf = (date: Date, timeZone?: string): number => wallClock(date, knownZone(timeZone)).weekday;

/** The first letter in upper case, as a heading starts ("today" → "Today", "lundi" → "Lundi"). */
const capitalised = (text: string, locale: string): string => {
  const [first = '', ...rest] = text;
  return first.toLocaleUpperCase(intlLocale(locale)) + rest.join('');
};

/**
 * A day as a heading of the message list or a time in the conversation list: "Today",
 * "Yesterday" (and "Tomorrow") in words of `locale`, the weekday within a week, else the date
 * ("12 March"), with the year when it is not this year's.
 */
export const formatDay = (date: Date, locale: string, options: DateOptions = {}): string => {
  const {now = new Date(), timeZone} = options;
  const days = daysFrom(date, {now, timeZone});
  if (Math.abs(days) <= 1) {
    const relative = cached('relative' + intlLocale(locale), {}, () => new Intl.RelativeTimeFormat(intlLocale(locale), {numeric: 'auto'}));
    return capitalised(relative.format(days, 'day'), locale);
  }
  if (Math.abs(days) < 7) return capitalised(dateFormat(locale, {weekday: 'long', timeZone}).format(date), locale);
  const sameYear = dateFormat('en-US', {year: 'numeric', timeZone}).format(date) == dateFormat('en-US', {year: 'numeric', timeZone}).format(now);
  return dateFormat(locale, sameYear ? {day: 'numeric', month: 'long', timeZone} : {day: 'numeric', month: 'long', year: 'numeric', timeZone}).format(date);
};

/** A day and month ("12 March", "12 марта", "3月12日") in `timeZone`. */
export const formatDate = (date: Date, locale: string, {timeZone}: DateOptions = {}): string =>
  dateFormat(locale, {day: 'numeric', month: 'long', timeZone}).format(date);
