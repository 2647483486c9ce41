// "Back on Monday at 09:00": when a team that is away now is back, in the visitor's time zone and
// language. The moment itself (the next opening, worked out from the inbox's hours in the inbox's
// zone) comes from the caller; this only words it.
import type {Catalogue} from './en.js';
import {t} from './i18n.js';
import {daysFrom, formatDate, formatTime, weekdayOf, type DateOptions} from './format.js';

/** The entries `formatReturn` words a return with. */
export type ReturnStrings = Pick<Catalogue, 'lang' | 'back_today' | 'back_tomorrow' | 'back_on_day' | 'back_on_date' | 'on_weekday'>;

export interface ReturnOptions extends DateOptions {
  /** Tag to format the time and date in (default: the catalogue's `lang`); `en-GB` gives 24-hour times with English words. */
  locale?: string;
}

/**
 * When the team is back, as the header says it: "Back today at 14:00", "Back tomorrow at 9:00 AM",
 * "Back on Monday at 09:00" within a week, "Back on 12 March at 09:00" after that, all on the
 * calendar of `timeZone` (default: the visitor's own).
 */
export const formatReturn = (opening: Date, strings: ReturnStrings, options: ReturnOptions = {}): string => {
  const {locale = strings.lang, timeZone, now = new Date()} = options;
  const time = formatTime(opening, locale, {timeZone});
  const days = daysFrom(opening, {now, timeZone});
  if (days <= 0) return t(strings.back_today, {time});
  if (days == 1) return t(strings.back_tomorrow, {time});
  if (days < 7) return t(strings.back_on_day, {day: strings.on_weekday[weekdayOf(opening, timeZone)], time});
  return t(strings.back_on_date, {date: formatDate(opening, locale, {timeZone}), time});
};
