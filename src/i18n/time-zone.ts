// Wall-clock time in an IANA time zone, through Intl (no date library): what a clock in
// `timeZone` shows at a moment, and the moment at which it shows a given day and time. Days are
// counted as "day numbers" (days since 1970-01-01 on that calendar), so going to the next day or
// the next week is plain arithmetic, across month ends and daylight-saving changes alike.

/** What a clock in a time zone shows. */
export interface WallClock {
  /** Days since 1970-01-01 of the calendar day shown. */
  day: number;
  /** 0 Sunday … 6 Saturday, as `Date.prototype.getDay()`. */
  weekday: number;
  /** Minutes since midnight, 0–1439. */
  minutes: number;
}

const dayMilliseconds = 86_400_000;
const clocks = new Map<string, Intl.DateTimeFormat>();

/** A formatter for the numeric parts of `timeZone` (the browser's own zone for an unknown one). */
const clockIn = (timeZone?: string): Intl.DateTimeFormat => {
  const key = timeZone ?? '';
  let clock = clocks.get(key);
  if (!clock) {
    const options: Intl.DateTimeFormatOptions = {year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23', calendar: 'gregory', numberingSystem: 'latn'};
    try {
      clock = new Intl.DateTimeFormat('en-US', {...options, timeZone});
    } catch {
      clock = new Intl.DateTimeFormat('en-US', options);
    }
    clocks.set(key, clock);
  }
  return clock;
};

/** Weekday of a day number: 1970-01-01 was a Thursday. */
export const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** What a clock in `timeZone` (default: the browser's) shows at `date`. */
export const wallClock = (date: Date, timeZone?: string): WallClock => {
  const parts = clockIn(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type == type)?.value);
  const day = Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / dayMilliseconds);
  return {day, weekday: weekdayOfDay(day), minutes: (part('hour') % 24) * 60 + part('minute')};
};

/**
 * The moment at which a clock in `timeZone` shows `minutes` past midnight on `day`. A time that
 * a daylight-saving change skips (02:30 on a spring-forward night) comes out an hour later, as
 * clocks then show it.
 */
export const dateInZone = (day: number, minutes: number, timeZone?: string): Date => {
  const asIfUtc = day * dayMilliseconds + minutes * 60_000;
  const offsetAt = (moment: number) => {
    const clock = wallClock(new Date(moment), timeZone);
    return clock.day * dayMilliseconds + clock.minutes * 60_000 - Math.floor(moment / 60_000) * 60_000;
  };
  const first = asIfUtc - offsetAt(asIfUtc);
  const second = asIfUtc - offsetAt(first);
  return new Date(second);
};
