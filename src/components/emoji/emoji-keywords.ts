// The emoji picker's search words in the visitor's language (contract §12, "Emoji": search by
// name). Each language is a chunk of its own (src/components/emoji/keywords/, generated from
// Unicode CLDR's annotations by scripts/emoji-keywords.mjs), loaded when the picker first shows
// in that language; English is in the picker itself and always searched.

/** Each language's words, by the catalogue's `lang`. One literal import() each: one chunk each. */
const KEYWORDS: Readonly<Record<string, () => Promise<{default: string}>>> = {
  ar: () => import('./keywords/emoji-ar.js'),
  de: () => import('./keywords/emoji-de.js'),
  es: () => import('./keywords/emoji-es.js'),
  fa: () => import('./keywords/emoji-fa.js'),
  fr: () => import('./keywords/emoji-fr.js'),
  he: () => import('./keywords/emoji-he.js'),
  hi: () => import('./keywords/emoji-hi.js'),
  id: () => import('./keywords/emoji-id.js'),
  it: () => import('./keywords/emoji-it.js'),
  ja: () => import('./keywords/emoji-ja.js'),
  ko: () => import('./keywords/emoji-ko.js'),
  nb: () => import('./keywords/emoji-nb.js'),
  nl: () => import('./keywords/emoji-nl.js'),
  pl: () => import('./keywords/emoji-pl.js'),
  'pt-BR': () => import('./keywords/emoji-pt-BR.js'),
  ru: () => import('./keywords/emoji-ru.js'),
  sv: () => import('./keywords/emoji-sv.js'),
  tr: () => import('./keywords/emoji-tr.js'),
  uk: () => import('./keywords/emoji-uk.js'),
  ur: () => import('./keywords/emoji-ur.js'),
  vi: () => import('./keywords/emoji-vi.js'),
  'zh-CN': () => import('./keywords/emoji-zh-CN.js'),
  'zh-TW': () => import('./keywords/emoji-zh-TW.js'),
};

const loaded = new Map<string, Promise<readonly string[]>>();

/**
 * The words of `lang`, a line per emoji in the picker's order (see searchEmoji); null when the
 * widget has none for it (English) or they cannot load now (offline, refused): then English alone.
 */
export async function keywordsIn(lang: string): Promise<readonly string[] | null> {
  const load = KEYWORDS[lang];
  if (!load) return null;
  let words = loaded.get(lang);
  if (!words) {
    // (the file's text starts and ends with a line break; a line may be empty)
    words = load().then((module) => module.default.slice(1, -1).split('\n'));
    loaded.set(lang, words);
  }
  try {
    return await words;
  } catch {
    loaded.delete(lang); // the next picker asks again
    return null;
  }
}
