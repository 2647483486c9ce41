import {expect} from '@open-wc/testing';
import {daysFrom, formatDate, formatDay, formatNumber, formatTime, weekdayOf} from '../../src/i18n/format.js';
import {formatDuration, formatFileSize, formatPercent} from '../../src/i18n/format-media.js';
import {formatReturn} from '../../src/i18n/office-hours.js';
import {en} from '../../src/i18n/en.js';

// Intl separates some parts with narrow or plain no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('i18n: formatting through Intl', () => {
  // Monday 2026-03-02 08:30 UTC
  const monday = new Date(Date.UTC(2026, 2, 2, 8, 30));

  it('formatTime() follows the language and the time zone', () => {
    expect(spaced(formatTime(monday, 'en', {timeZone: 'UTC'}))).to.equal('8:30 AM');
    expect(formatTime(monday, 'de', {timeZone: 'UTC'})).to.equal('08:30');
    expect(formatTime(monday, 'en-GB', {timeZone: 'Asia/Kolkata'})).to.equal('14:00');
    expect(spaced(formatTime(monday, 'en', {timeZone: 'America/New_York'}))).to.equal('3:30 AM');
    expect(formatTime(monday, 'ja', {timeZone: 'Asia/Tokyo'})).to.equal('17:30');
  });

  it('bad tags and unknown zones fall back instead of throwing', () => {
    expect(spaced(formatTime(monday, '!!', {timeZone: 'UTC'}))).to.equal('8:30 AM');
    expect(() => formatTime(monday, 'en', {timeZone: 'Mars/Olympus'})).to.not.throw();
    expect(formatNumber(1234.5, '')).to.equal('1,234.5');
  });

  it('daysFrom() and weekdayOf() count calendar days in the given zone', () => {
    const lateSunday = new Date(Date.UTC(2026, 2, 1, 23, 30)); // still Sunday in UTC, Monday in Berlin
    expect(weekdayOf(lateSunday, 'UTC')).to.equal(0);
    expect(weekdayOf(lateSunday, 'Europe/Berlin')).to.equal(1);
    expect(weekdayOf(lateSunday, 'America/Los_Angeles')).to.equal(0);
    expect(daysFrom(lateSunday, {now: monday, timeZone: 'UTC'})).to.equal(-1);
    expect(daysFrom(lateSunday, {now: monday, timeZone: 'Europe/Berlin'})).to.equal(0);
    expect(weekdayOf(new Date(Date.UTC(1969, 11, 31, 12)), 'UTC')).to.equal(3);
  });

  it('formatDay(): today, yesterday, a weekday within the week, else the date', () => {
    const at = (days: number, hours = 0) => new Date(monday.getTime() + days * 86_400_000 + hours * 3_600_000);
    const day = (date: Date, locale = 'en') => formatDay(date, locale, {now: monday, timeZone: 'UTC'});
    expect(day(at(0, 3))).to.equal('Today');
    expect(day(at(-1))).to.equal('Yesterday');
    expect(day(at(1))).to.equal('Tomorrow');
    expect(day(at(-3))).to.equal('Friday');
    expect(day(at(-20))).to.equal('February 10');
    expect(day(at(-100))).to.equal('November 22, 2025');
    expect(day(at(0), 'de')).to.equal('Heute');
    expect(day(at(-1), 'fr')).to.equal('Hier');
    expect(day(at(-3), 'fr')).to.equal('Vendredi');
    expect(day(at(-20), 'ru')).to.equal('10 февраля');
  });

  it('formatReturn() says when the team is back, in the visitor’s zone', () => {
    const back = (opening: Date, timeZone: string, locale?: string) => spaced(formatReturn(opening, en, {now: monday, timeZone, locale}));
    expect(back(new Date(Date.UTC(2026, 2, 2, 13)), 'UTC')).to.equal('Back today at 1:00 PM');
    expect(back(new Date(Date.UTC(2026, 2, 3, 8)), 'UTC', 'en-GB')).to.equal('Back tomorrow at 08:00');
    // Friday 09:00 in Berlin is 08:00 UTC
    expect(back(new Date(Date.UTC(2026, 2, 6, 8)), 'Europe/Berlin', 'en-GB')).to.equal('Back on Friday at 09:00');
    // The same moment is still Thursday night for a visitor in Los Angeles
    expect(back(new Date(Date.UTC(2026, 2, 6, 7)), 'America/Los_Angeles')).to.equal('Back on Thursday at 11:00 PM');
    expect(back(new Date(Date.UTC(2026, 2, 20, 9)), 'UTC', 'en-GB')).to.equal('Back on 20 March at 09:00');
  });

  it('numbers, percentages, sizes and durations in the visitor’s digits', () => {
    expect(formatNumber(1234.5, 'de')).to.equal('1.234,5');
    expect(formatNumber(3, 'fa')).to.equal('۳');
    expect(formatPercent(0.42, 'en')).to.equal('42%');
    expect(spaced(formatPercent(0.42, 'fr'))).to.equal('42 %');
    expect(formatPercent(0.42, 'tr')).to.equal('%42');
    expect(formatFileSize(40 * 1024 * 1024, 'en')).to.equal('40 MB');
    expect(formatFileSize(3.5 * 1024 * 1024, 'de')).to.equal('3,5 MB');
    expect(formatFileSize(12_800, 'en')).to.equal('13 kB');
    expect(formatFileSize(-5, 'en')).to.equal('0 bytes');
    expect(formatFileSize(550, 'en')).to.equal('550 bytes');
    expect(formatFileSize(1, 'en')).to.equal('1 byte');
    expect(formatDuration(42, 'en')).to.equal('0:42');
    expect(formatDuration(3725, 'en')).to.equal('1:02:05');
    expect(formatDuration(65, 'fa')).to.equal('۱:۰۵');
    expect(formatDate(monday, 'en-GB', {timeZone: 'UTC'})).to.equal('2 March');
  });
});
