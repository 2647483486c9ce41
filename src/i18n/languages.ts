// The UI languages the widget speaks, and how a visitor's BCP 47 tag (the `locale` attribute,
// the page's `lang`, the browser's language) is matched to one of them. Pure: no DOM, no loading.
import type {TextDirection} from './en.js';

export interface Language {
  /** Tag of the catalogue, also its module's name under locales/ (`pt-BR` → locales/pt-BR.js). */
  tag: string;
  dir: TextDirection;
  /** The language's name in itself, for a language picker. */
  name: string;
}

/** Every catalogue, English (built in) first. Each other one is a module under locales/. */
export const languages: readonly Language[] = [
  {tag: 'en', dir: 'ltr', name: 'English'},
  {tag: 'es', dir: 'ltr', name: 'Español'},
  {tag: 'pt-BR', dir: 'ltr', name: 'Português (Brasil)'},
  {tag: 'fr', dir: 'ltr', name: 'Français'},
  {tag: 'de', dir: 'ltr', name: 'Deutsch'},
  {tag: 'it', dir: 'ltr', name: 'Italiano'},
  {tag: 'nl', dir: 'ltr', name: 'Nederlands'},
  {tag: 'pl', dir: 'ltr', name: 'Polski'},
  {tag: 'ru', dir: 'ltr', name: 'Русский'},
  {tag: 'uk', dir: 'ltr', name: 'Українська'},
  {tag: 'tr', dir: 'ltr', name: 'Türkçe'},
  {tag: 'sv', dir: 'ltr', name: 'Svenska'},
  {tag: 'nb', dir: 'ltr', name: 'Norsk bokmål'},
  {tag: 'ar', dir: 'rtl', name: 'العربية'},
  {tag: 'he', dir: 'rtl', name: 'עברית'},
  {tag: 'fa', dir: 'rtl', name: 'فارسی'},
  {tag: 'ur', dir: 'rtl', name: 'اردو'},
  {tag: 'hi', dir: 'ltr', name: 'हिन्दी'},
  {tag: 'ja', dir: 'ltr', name: '日本語'},
  {tag: 'zh-CN', dir: 'ltr', name: '简体中文'},
  {tag: 'zh-TW', dir: 'ltr', name: '繁體中文'},
  {tag: 'ko', dir: 'ltr', name: '한국어'},
  {tag: 'id', dir: 'ltr', name: 'Bahasa Indonesia'},
  {tag: 'vi', dir: 'ltr', name: 'Tiếng Việt'},
];

const english = languages[0];

/**
 * Language subtags served by a catalogue of another language: Portuguese in any region reads the
 * Brazilian one, Norwegian (`no`, and Nynorsk readers, who all read Bokmål) the Bokmål one.
 * Chinese is matched by script in matchLanguage().
 */
const servedBy: Readonly<Record<string, string>> = {pt: 'pt-BR', no: 'nb', nn: 'nb'};

/** Scripts written right to left (ISO 15924), for languages without a catalogue of their own. */
const rightToLeftScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend']);

/** The canonical form of a tag (`iw` → `he`, `EN-gb` → `en-GB`), or null when it is not BCP 47. */
const parse = (tag: string): Intl.Locale | null => {
  try {
    return new Intl.Locale(Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0]);
  } catch {
    return null;
  }
};

const byTag = (tag: string) => languages.find((language) => language.tag.toLowerCase() == tag.toLowerCase());

/**
 * The catalogue for a visitor's tag: the exact one (`pt-BR`), else the one of its language
 * (`es-MX` → `es`, `pt-PT` → `pt-BR`, `nn` → `nb`), Chinese by script (`zh`, `zh-SG` →
 * `zh-CN`; `zh-Hant`, `zh-HK` → `zh-TW`); English for anything else, including malformed tags.
 */
export const matchLanguage = (tag: string): Language => {
  const locale = parse(tag);
  if (!locale) return english;
  const exact = byTag(locale.baseName);
  if (exact) return exact;
  if (locale.language == 'zh') {
    // By script: Simplified for zh, zh-Hans, zh-SG; Traditional (as written in Taiwan) for
    // zh-Hant, zh-HK, zh-MO.
    return byTag(locale.maximize().script == 'Hant' ? 'zh-TW' : 'zh-CN')!;
  }
  return byTag(servedBy[locale.language] ?? locale.language) ?? english;
};

/**
 * Text direction for a BCP 47 tag: the direction of the catalogue it gets (so Arabic UI text is
 * always right to left), and for a language shown in English the direction of its likely script
 * (`ps`, `yi`, `ckb` are right to left, `arn` is not), as the page around the widget will be.
 */
export const dirFor = (tag: string): TextDirection => {
  const locale = parse(tag);
  if (!locale) return 'ltr';
  const spoken = matchLanguage(tag);
  if (spoken != english) return spoken.dir;
  return rightToLeftScripts.has(locale.maximize().script ?? '') ? 'rtl' : 'ltr';
};
