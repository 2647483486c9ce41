import {expect} from '@open-wc/testing';
import {dateInZone, wallClock} from '../../src/i18n/time-zone.js';
import {formatReturn, officeHoursAt, type WorkingDay} from '../../src/i18n/office-hours.js';
import {loadLocale} from '../../src/i18n/load.js';

// Intl separates some parts with narrow or plain no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const utc = (iso: string) => new Date(iso + 'Z');

describe('i18n: time zones and office hours', () => {
  it('wallClock() reads the day, weekday and minutes a zone’s clocks show', () => {
    const moment = utc('2026-03-01T23:30:00'); // Sunday in UTC, Monday 00:30 in Paris
    expect(wallClock(moment, 'UTC')).to.deep.include({weekday: 0, minutes: 23 * 60 + 30});
    expect(wallClock(moment, 'Europe/Paris')).to.deep.include({weekday: 1, minutes: 30});
    expect(wallClock(moment, 'Europe/Paris').day - wallClock(moment, 'UTC').day).to.equal(1);
    expect(wallClock(moment, 'Asia/Kathmandu').minutes).to.equal(5 * 60 + 15);
    expect(wallClock(utc('2026-03-02T00:00:00'), 'UTC').minutes).to.equal(0);
  });

  it('dateInZone() finds the moment a zone’s clocks show a time, across daylight saving', () => {
    const day = wallClock(utc('2026-03-02T12:00:00'), 'UTC').day;
    expect(dateInZone(day, 9 * 60, 'Europe/Paris').toISOString()).to.equal('2026-03-02T08:00:00.000Z');
    expect(dateInZone(day, 9 * 60, 'America/New_York').toISOString()).to.equal('2026-03-02T14:00:00.000Z');
    expect(dateInZone(day, 9 * 60 + 30, 'Asia/Kolkata').toISOString()).to.equal('2026-03-02T04:00:00.000Z');
    // Paris moves to summer time on 2026-03-29: 09:00 is then 07:00 UTC, and 02:30 does not exist
    const summer = wallClock(utc('2026-03-29T12:00:00'), 'UTC').day;
    expect(dateInZone(summer, 9 * 60, 'Europe/Paris').toISOString()).to.equal('2026-03-29T07:00:00.000Z');
    expect(dateInZone(summer, 2 * 60 + 30, 'Europe/Paris').toISOString()).to.equal('2026-03-29T01:30:00.000Z');
    expect(dateInZone(day, 0, 'Not/AZone')).to.be.instanceOf(Date);
  });

  // Monday to Friday 09:00–17:00 in Paris, closed at weekends (the protocol fixture's shape)
  const weekdays: WorkingDay[] = [0, 1, 2, 3, 4, 5, 6].map((day_of_week) =>
    day_of_week == 0 || day_of_week == 6
      ? {day_of_week, closed_all_day: true, open_all_day: false, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null}
      : {day_of_week, closed_all_day: false, open_all_day: false, open_hour: 9, open_minutes: 0, close_hour: 17, close_minutes: 0}
  );

  it('officeHoursAt(): in during the hours, with the closing time', () => {
    expect(officeHoursAt(weekdays, 'Europe/Paris', utc('2026-03-02T08:00:00'))).to.deep.equal({open: true, closesAt: utc('2026-03-02T16:00:00')});
    expect(officeHoursAt(weekdays, 'Europe/Paris', utc('2026-03-02T15:59:00')).open).to.equal(true);
  });

  it('officeHoursAt(): away before, after and at weekends, with the next opening', () => {
    const at = (iso: string) => officeHoursAt(weekdays, 'Europe/Paris', utc(iso));
    expect(at('2026-03-02T07:59:00')).to.deep.equal({open: false, opensAt: utc('2026-03-02T08:00:00')});
    expect(at('2026-03-02T16:00:00')).to.deep.equal({open: false, opensAt: utc('2026-03-03T08:00:00')});
    expect(at('2026-03-06T17:00:00')).to.deep.equal({open: false, opensAt: utc('2026-03-09T08:00:00')}); // Friday evening
    expect(at('2026-03-07T12:00:00')).to.deep.equal({open: false, opensAt: utc('2026-03-09T08:00:00')}); // Saturday
    expect(officeHoursAt([], 'Europe/Paris', utc('2026-03-02T08:00:00'))).to.deep.equal({open: false, opensAt: null});
  });

  it('officeHoursAt(): open all day, and one weekly day whose hours are over', () => {
    const sundays: WorkingDay[] = [{day_of_week: 0, open_all_day: true}];
    expect(officeHoursAt(sundays, 'UTC', utc('2026-03-01T23:59:00'))).to.deep.equal({open: true, closesAt: utc('2026-03-02T00:00:00')});
    expect(officeHoursAt(sundays, 'UTC', utc('2026-03-02T10:00:00'))).to.deep.equal({open: false, opensAt: utc('2026-03-08T00:00:00')});
    const mondayMorning: WorkingDay[] = [{day_of_week: 1, open_hour: 9, open_minutes: 0, close_hour: 12, close_minutes: 0}];
    expect(officeHoursAt(mondayMorning, 'UTC', utc('2026-03-02T13:00:00'))).to.deep.equal({open: false, opensAt: utc('2026-03-09T09:00:00')});
  });

  it('the header line for a visitor in another zone and language', async () => {
    // Friday 17:00 in Paris; the team is back Monday 09:00 Paris time
    const {opensAt} = officeHoursAt(weekdays, 'Europe/Paris', utc('2026-03-06T16:00:00')) as {opensAt: Date};
    const now = utc('2026-03-06T16:00:00');
    expect(spaced(formatReturn(opensAt, await loadLocale('en'), {now, timeZone: 'America/New_York'}))).to.equal('Back on Monday at 4:00 AM');
    expect(formatReturn(opensAt, await loadLocale('de'), {now, timeZone: 'Europe/Berlin'})).to.equal('Wieder erreichbar am Montag ab 09:00');
    expect(formatReturn(opensAt, await loadLocale('ru'), {now, timeZone: 'Europe/Moscow'})).to.equal('Вернёмся в понедельник в 11:00');
    expect(formatReturn(opensAt, await loadLocale('pl'), {now, timeZone: 'Europe/Warsaw'})).to.equal('Wracamy w poniedziałek o 09:00');
    expect(formatReturn(opensAt, await loadLocale('ja'), {now, timeZone: 'Asia/Tokyo'})).to.equal('月曜日 17:00 に対応を再開します');
    expect(formatReturn(opensAt, await loadLocale('fr'), {now: utc('2026-03-09T06:00:00'), timeZone: 'Europe/Paris'})).to.equal('De retour aujourd’hui à 09:00');
  });
});
