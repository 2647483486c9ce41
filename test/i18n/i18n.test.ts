import {expect} from '@open-wc/testing';
import {en, plural, pluralCategory, t} from '../../src/i18n/i18n.js';
import type {PluralForms} from '../../src/i18n/i18n.js';
import {formatNumber} from '../../src/i18n/format.js';

describe('i18n: t() and plural()', () => {
  it('t() fills the one placeholder, literally', () => {
    expect(t(en.typing, 'Priya')).to.equal('Priya is typing…');
    expect(t('{name} escribe', 'Ana')).to.equal('Ana escribe');
    expect(t(en.typing, 'Ana')).to.equal('Ana is typing…');
    expect(t(en.typing, "$& $' $1")).to.equal("$& $' $1 is typing…");
    expect(t(en.send, 'x')).to.equal('Send');
  });

  it('t() fills several placeholders by name and leaves unknown ones', () => {
    expect(t(en.file_too_large, {name: 'cat.png', size: '40 MB'})).to.equal('cat.png is larger than 40 MB');
    expect(t(en.back_on_day, {day: 'on Monday', time: '09:00'})).to.equal('Back on Monday at 09:00');
    expect(t('{a} {b} {a}', {a: '$&'})).to.equal('$& {b} $&');
    expect(t('{constructor} {toString}', {})).to.equal('{constructor} {toString}');
  });

  it('plural() picks the form of the count by the language’s rules and formats the number', () => {
    expect(plural(en.unread_messages, 1, 'en')).to.equal('1 unread message');
    expect(plural(en.unread_messages, 0, 'en')).to.equal('0 unread messages');
    expect(plural(en.unread_messages, 1234, 'en')).to.equal('1,234 unread messages');
    expect(plural(en.files_max, 15, 'en')).to.equal('You can send up to 15 files');
    expect(plural(en.files_count, 1234, 'de')).to.equal('1.234 files');
  });

  it('plural() falls back to `other` for a missing form and to English rules for a bad tag', () => {
    const forms: PluralForms = {one: 'one {count} {name}', other: 'other {count} {name}'};
    expect(plural(forms, 3, 'fa', {name: 'x'})).to.equal('other ۳ x');
    expect(plural(forms, 3, 'ar', {name: 'x'})).to.equal(`other ${formatNumber(3, 'ar')} x`);
    expect(plural(forms, 1, 'not a tag!')).to.equal('one 1 {name}');
    expect(pluralCategory(1, '')).to.equal('one');
  });

  const counts = [0, 1, 2, 3, 5, 11, 21, 22, 100, 101, 102];
  const cases: Record<string, string[]> = {
    ar: ['zero', 'one', 'two', 'few', 'few', 'many', 'many', 'many', 'other', 'other', 'other'],
    pl: ['many', 'one', 'few', 'few', 'many', 'many', 'many', 'few', 'many', 'many', 'few'],
    ru: ['many', 'one', 'few', 'few', 'many', 'many', 'one', 'few', 'many', 'one', 'few'],
  };
  for (const [lang, expected] of Object.entries(cases)) {
    it(`${lang}: plural categories of ${counts.join(', ')}`, () => {
      expect(counts.map((count) => pluralCategory(count, lang))).to.deep.equal(expected);
    });
  }
});
