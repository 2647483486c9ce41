// HTML character references in Markdown text (`&amp;`, `&#169;`, `&#x1F600;`), decoded to the
// characters they name by the parser (an HTML renderer lets the browser decode them; our text
// bindings would show them literally). Numeric references are all
// decoded; of the 2,000-odd named ones, those people actually type (a table of all of them
// would weigh more than the parser). Unknown names stay as written, as CommonMark says. (A Map, so that
// `&constructor;` finds nothing.)

const NAMED = new Map(
  Object.entries({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ',
  para: '¶', sect: '§', middot: '·', bull: '•', hellip: '…', prime: '′', Prime: '″',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', iexcl: '¡', iquest: '¿',
  cent: '¢', pound: '£', yen: '¥', euro: '€', curren: '¤',
  frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³', ordf: 'ª', ordm: 'º',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒', hArr: '⇔',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', minus: '−', check: '✓', cross: '✗',
  hearts: '♥', star: '☆', starf: '★', dagger: '†', Dagger: '‡', permil: '‰', ensp: '\u2002',
  emsp: '\u2003', thinsp: '\u2009', zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f',
  AElig: 'Æ', aelig: 'æ', szlig: 'ß', ccedil: 'ç', Ccedil: 'Ç', ntilde: 'ñ', Ntilde: 'Ñ',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', eacute: 'é', Eacute: 'É',
  egrave: 'è', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú', agrave: 'à', ecirc: 'ê',
  })
);

/** A character reference, at the position the sticky regex is set to. */
export const REFERENCE_AT = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/y;

/** The code point a numeric reference names; invalid ones (0, surrogates, past U+10FFFF) are U+FFFD. */
const codePoint = (n: number) => String.fromCodePoint(n == 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n);

/** What a match of REFERENCE_AT stands for: its character, or the reference as written if its name is unknown. */
export const decodeReference = ([whole, decimal, hex, name]: RegExpExecArray) =>
  decimal ? codePoint(+decimal) : hex ? codePoint(parseInt(hex, 16)) : (NAMED.get(name) ?? whole);
