// Every catalogue against English: the same keys, the same placeholders, the plural forms its
// language needs, the direction the language list gives it, and loadable through loadLocale().
import {expect} from '@open-wc/testing';
import {en, plural, type Catalogue, type MessageKey, type PluralForms} from '../../src/i18n/i18n.js';
import {dirFor, languages} from '../../src/i18n/languages.js';
import {loadLocale} from '../../src/i18n/load.js';
import {formatNumber} from '../../src/i18n/format.js';

/** Keys a catalogue may leave to English, with the reason. None today. */
const documentedGaps: Record<string, Partial<Record<MessageKey, string>>> = {};

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const isPlural = (entry: unknown): entry is PluralForms => typeof entry == 'object' && entry != null && !Array.isArray(entry);

/** The module of a catalogue as it is written (not merged with English). */
const raw = async (tag: string): Promise<Partial<Catalogue>> =>
  (await import(/* @vite-ignore */ new URL(`../../src/i18n/locales/${tag}.js`, import.meta.url).href)).default;

/** Integers 0–1000 that fall into `category` in `lang`. */
const integersOf = (lang: string, category: string) => {
  const rules = new Intl.PluralRules(lang);
  return Array.from({length: 1001}, (_, count) => count).filter((count) => rules.select(count) == category);
};

const others = languages.filter((language) => language.tag != 'en');

describe('i18n: catalogues', () => {
  for (const {tag, dir} of others) {
    describe(tag, () => {
      let catalogue: Partial<Catalogue>;
      before(async () => (catalogue = await raw(tag)));

      it('has every English key (or a documented gap) and no other', () => {
        const gaps = Object.keys(documentedGaps[tag] ?? {});
        expect(Object.keys(catalogue).sort()).to.deep.equal(Object.keys(en).filter((key) => !gaps.includes(key)).sort());
      });

      it('says its language and direction, matching the list of languages and dirFor()', () => {
        expect(catalogue.lang).to.equal(tag);
        expect(catalogue.dir).to.equal(dir);
        expect(dirFor(tag)).to.equal(dir);
      });

      it('keeps every placeholder of English, and adds none', () => {
        for (const key of Object.keys(catalogue) as MessageKey[]) {
          const english = en[key];
          const entry = catalogue[key];
          if (typeof english == 'string') {
            expect(typeof entry, key).to.equal('string');
            if (key != 'lang' && key != 'dir') expect(placeholders(entry as string), key).to.deep.equal(placeholders(english));
          } else if (Array.isArray(english)) {
            expect(entry, key).to.be.an('array').with.lengthOf(7);
            for (const phrase of entry as readonly string[]) expect(phrase, key).to.be.a('string').and.not.empty;
          } else if (isPlural(english)) {
            expect(isPlural(entry), key).to.equal(true);
            const forms = entry as PluralForms;
            for (const [category, text] of Object.entries(forms)) {
              // A form for exactly one number ("one message", Arabic's dual) may say it in words.
              const expected = placeholders(english.other).filter((name) => name != '{count}' || integersOf(tag, category).length != 1);
              expect(placeholders(text).filter((name) => expected.includes(name) || name != '{count}'), `${key}.${category}`).to.include.members(expected);
              expect(placeholders(english.other), `${key}.${category}`).to.include.members(placeholders(text));
            }
          }
        }
      });

      it('has a plural form for every category of its language', () => {
        const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
        for (const key of Object.keys(en) as MessageKey[]) {
          if (!isPlural(en[key]) || !(key in catalogue)) continue;
          expect(Object.keys(catalogue[key] as PluralForms).sort(), key).to.deep.equal([...categories].sort());
        }
      });

      it('has no empty or untrimmed text', () => {
        for (const [key, entry] of Object.entries(catalogue)) {
          for (const text of typeof entry == 'string' ? [entry] : Object.values(entry as object)) {
            expect(text, key).to.be.a('string').and.not.empty;
            expect(text.trim(), key).to.equal(text);
          }
        }
      });

      it('loads through loadLocale(), English filling gaps', async () => {
        const loaded = await loadLocale(tag);
        expect(loaded).to.not.equal(en);
        expect(Object.keys(loaded).sort()).to.deep.equal(Object.keys(en).sort());
        expect(loaded.lang).to.equal(tag);
      });
    });
  }

  it('English has what the plural and weekday entries promise', () => {
    expect(en.lang).to.equal('en');
    expect(en.dir).to.equal('ltr');
    expect(en.on_weekday).to.have.lengthOf(7);
  });

  it('loadLocale() picks catalogues by language and gives English for the rest', async () => {
    expect((await loadLocale('pt')).send).to.equal('Enviar');
    expect((await loadLocale('es-MX')).lang).to.equal('es');
    expect((await loadLocale('ar-EG')).send).to.equal('إرسال');
    expect((await loadLocale('ar-EG')).dir).to.equal('rtl');
    for (const tag of ['en', 'en-GB', 'xx', 'constructor', '__proto__', '', '../../en']) expect(await loadLocale(tag), tag).to.equal(en);
  });

  const counts = [0, 1, 2, 3, 5, 11, 21, 22, 100, 101, 102];
  const spoken = (catalogue: Catalogue) => counts.map((count) => plural(catalogue.unread_messages, count, catalogue.lang));

  it('Arabic: six forms of "unread messages"', async () => {
    // Arabic-Indic digits or Latin ones, as the browser's CLDR data has it for `ar`
    const digits = (text: string) => text.replace(/[٠-٩]+/g, (number) => formatNumber(Number(number.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x660))), 'ar'));
    expect(spoken(await loadLocale('ar'))).to.deep.equal([
      'لا توجد رسائل غير مقروءة',
      'رسالة واحدة غير مقروءة',
      'رسالتان غير مقروءتين',
      '٣ رسائل غير مقروءة',
      '٥ رسائل غير مقروءة',
      '١١ رسالة غير مقروءة',
      '٢١ رسالة غير مقروءة',
      '٢٢ رسالة غير مقروءة',
      '١٠٠ رسالة غير مقروءة',
      '١٠١ رسالة غير مقروءة',
      '١٠٢ رسالة غير مقروءة',
    ].map(digits));
  });

  it('Polish: "unread messages" for one, few and many', async () => {
    expect(spoken(await loadLocale('pl'))).to.deep.equal([
      '0 nieprzeczytanych wiadomości',
      '1 nieprzeczytana wiadomość',
      '2 nieprzeczytane wiadomości',
      '3 nieprzeczytane wiadomości',
      '5 nieprzeczytanych wiadomości',
      '11 nieprzeczytanych wiadomości',
      '21 nieprzeczytanych wiadomości',
      '22 nieprzeczytane wiadomości',
      '100 nieprzeczytanych wiadomości',
      '101 nieprzeczytanych wiadomości',
      '102 nieprzeczytane wiadomości',
    ]);
  });

  it('Russian: "unread messages" for one, few and many', async () => {
    expect(spoken(await loadLocale('ru'))).to.deep.equal([
      '0 непрочитанных сообщений',
      '1 непрочитанное сообщение',
      '2 непрочитанных сообщения',
      '3 непрочитанных сообщения',
      '5 непрочитанных сообщений',
      '11 непрочитанных сообщений',
      '21 непрочитанное сообщение',
      '22 непрочитанных сообщения',
      '100 непрочитанных сообщений',
      '101 непрочитанное сообщение',
      '102 непрочитанных сообщения',
    ]);
  });
});
