import {expect} from '@open-wc/testing';
import {dirFor, languages, matchLanguage} from '../../src/i18n/languages.js';

describe('i18n: languages', () => {
  it('offers at least 20 languages, four of them right to left', () => {
    expect(languages.length).to.be.at.least(20);
    expect(languages.filter((language) => language.dir == 'rtl').map((language) => language.tag)).to.include.members(['ar', 'he', 'fa', 'ur']);
    expect(new Set(languages.map((language) => language.tag)).size).to.equal(languages.length);
  });

  it('matches a visitor’s tag to a catalogue', () => {
    const cases: Record<string, string> = {
      'en': 'en',
      'en-GB': 'en',
      'es': 'es',
      'es-MX': 'es',
      'es-419': 'es',
      'pt': 'pt-BR',
      'pt-PT': 'pt-BR',
      'pt-br': 'pt-BR',
      'pt_BR': 'pt-BR',
      'zh': 'zh-CN',
      'zh-Hans': 'zh-CN',
      'zh-SG': 'zh-CN',
      'zh-Hans-HK': 'zh-CN',
      'zh-TW': 'zh-TW',
      'zh-Hant': 'zh-TW',
      'zh-HK': 'zh-TW',
      'nb-NO': 'nb',
      'no': 'nb',
      'nn': 'nb',
      'iw': 'he',
      'in': 'id',
      'de-AT': 'de',
      'fr-CA': 'fr',
      'ar-EG': 'ar',
      'fa-IR': 'fa',
      'ur-PK': 'ur',
      'uk-UA': 'uk',
      'xx': 'en',
      'constructor': 'en',
      '__proto__': 'en',
      '': 'en',
      'not a tag!': 'en',
    };
    for (const [tag, expected] of Object.entries(cases)) expect(matchLanguage(tag).tag, tag).to.equal(expected);
  });

  it('dirFor() knows right-to-left languages', () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'iw', 'fa-IR', 'ur', 'ur-PK', 'ps', 'yi', 'ckb', 'az-Arab']) expect(dirFor(tag), tag).to.equal('rtl');
    for (const tag of ['en', 'arn', 'fr-CA', 'pt-BR', 'ja', 'hi', 'az', '', '!!']) expect(dirFor(tag), tag).to.equal('ltr');
  });
});
