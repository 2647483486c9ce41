// Office hours: whether the team is in now by the inbox's working hours in the inbox's time zone
// (officeHoursAt), and "Back on Monday at 09:00" for when it is back, in the visitor's time zone
// and language (formatReturn).
import type {Catalogue} from './en.js';
import {t} from './text.js';
import {daysFrom, formatDate, formatTime, weekdayOf, type DateOptions} from './format.js';
import {dateInZone, wallClock, weekdayOfDay} from './time-zone.js';

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

/** One day of an inbox's working hours, as Akece's inbox answer gives it (protocol §5.3). */
export interface WorkingDay {
  /** 0 Sunday … 6 Saturday. */
  day_of_week: number;
  closed_all_day?: boolean | null;
  open_all_day?: boolean | null;
  open_hour?: number | null;
  open_minutes?: number | null;
  close_hour?: number | null;
  close_minutes?: number | null;
}

/** In now and until when, or away and from when (null: no opening in the coming week). */
export type OfficeHoursState = {open: true; closesAt: Date} | {open: false; opensAt: Date | null};

const minutesOf = (hour: number | null | undefined, minutes: number | null | undefined) => (hour ?? 0) * 60 + (minutes ?? 0);

/**
 * Whether the team is in at `now` by its working hours in the inbox's `timeZone` (as Chatwoot
 * decides it: open from the opening minute until before the closing one, or all day), and the
 * next moment that changes it: when it closes, or when it opens again. The caller shows
 * `formatReturn(opensAt…)` and re-checks at that moment. Days missing from `hours` are closed.
 */
export const officeHoursAt = (hours: readonly WorkingDay[], timeZone: string | undefined, now: Date = new Date()): OfficeHoursState => {
  const clock = wallClock(now, timeZone);
  const hoursOf = (day: number) => hours.find((entry) => entry.day_of_week == weekdayOfDay(day));
  const today = hoursOf(clock.day);
  if (today && !today.closed_all_day) {
    const opens = today.open_all_day ? 0 : minutesOf(today.open_hour, today.open_minutes);
    const closes = today.open_all_day ? 24 * 60 : minutesOf(today.close_hour, today.close_minutes);
    if (clock.minutes >= opens && clock.minutes < closes) return {open: true, closesAt: dateInZone(clock.day, closes, timeZone)};
    if (clock.minutes < opens) return {open: false, opensAt: dateInZone(clock.day, opens, timeZone)};
  }
  // Today's hours are over (or there are none): the first open day of the coming week.
  for (let ahead = 1; ahead <= 7; ahead++) {
    const day = hoursOf(clock.day + ahead);
    if (day && !day.closed_all_day) return {open: false, opensAt: dateInZone(clock.day + ahead, day.open_all_day ? 0 : minutesOf(day.open_hour, day.open_minutes), timeZone)};
  }
  return {open: false, opensAt: null};
};
