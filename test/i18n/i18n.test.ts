import {expect} from '@open-wc/testing';
import {dirFor, en, t} from '../../src/i18n/i18n.js';
import {loadLocale} from '../../src/i18n/load.js';

describe('i18n', () => {
  it('t() fills the placeholder, literally', () => {
    expect(t(en.typing, 'Priya')).to.equal('Priya is typing…');
    expect(t('{name} escribe', 'Ana')).to.equal('Ana escribe');
    expect(t(en.unread, 3)).to.equal('3 unread');
    expect(t(en.typing, "$& $' $1")).to.equal("$& $' $1 is typing…");
    expect(t(en.send, 'x')).to.equal('Send');
  });

  it('dirFor() knows right-to-left languages', () => {
    for (const l of ['ar', 'ar-EG', 'he', 'fa-IR', 'ur']) expect(dirFor(l), l).to.equal('rtl');
    for (const l of ['en', 'arn', 'fr-CA', 'pt-BR', '']) expect(dirFor(l), l).to.equal('ltr');
  });

  it('loadLocale() loads every catalogue with exactly the English keys (English fills gaps)', async () => {
    const keys = Object.keys(en).sort();
    for (const tag of ['es', 'es-MX', 'pt-BR', 'pt', 'fr', 'de-AT', 'ar']) {
      const c = await loadLocale(tag);
      expect(Object.keys(c).sort(), tag).to.deep.equal(keys);
      expect(c, tag).to.not.equal(en);
      for (const k of keys) {
        const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(ph(c[k as keyof typeof en]), `${tag} ${k}`).to.deep.equal(ph(en[k as keyof typeof en]));
      }
    }
    expect((await loadLocale('pt-BR')).send).to.equal('Enviar');
    expect((await loadLocale('ar')).send).to.equal('إرسال');
  });

  it('loadLocale() gives English for unknown tags', async () => {
    for (const tag of ['en', 'en-GB', 'xx', 'constructor', '__proto__', '']) expect(await loadLocale(tag), tag).to.equal(en);
  });
});
