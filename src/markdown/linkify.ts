// Bare web addresses in text become links, as the agents' own tool (markdown-it's linkify)
// makes them: `https://…`, `http://…`, `www.…` and e-mail addresses. Used for the visitor's
// plain text and for any text the Markdown renderer shows without parsing it. Every link goes
// through `safeUrl`; the scan is linear: each character is looked at a bounded number of times.
import type {TemplateResult} from 'lit';
import {newTab, safeUrl} from './safe.js';

/** Where an address may start: a scheme or `www.` not glued to a word, or an `@` (an e-mail's middle). */
const START = /(?<![\p{L}\p{N}_./:@-])(?:https?:\/\/|www\.)|@/giu;
/** An address runs to the next space or angle bracket. */
const RUN = /[^\s<>]*/y;
/** A domain name: labels of letters, digits, `-` and `_`, at least one dot. */
const DOMAIN = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+/u;
/** Characters of an e-mail's local part (left of the `@`) and of its domain (right of it). */
const LOCAL = /[\p{L}\p{N}._+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}._-]/u;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = '?!.,:;*_~\'"';

/** `run` without the punctuation after it, and without the `)`s that close nothing inside it. */
const trimEnd = (run: string) => {
  let unmatched = run.split(')').length - run.split('(').length; // `)` with no `(`
  let end = run.length;
  for (;;) {
    const last = run[end - 1];
    if (last && TRAILING.includes(last)) end--;
    else if (last == ')' && unmatched > 0) {
      end--;
      unmatched--;
    }
    else return run.slice(0, end);
  }
};

/** A found address: where it starts and ends in the text, and the URL it links to. */
interface Found {
  start: number;
  end: number;
  href: string;
}

/** The web address starting at `start` (at `https://`, `http://` or `www.`), if it is one. */
const webAddress = (text: string, start: number): Found | {skip: number} => {
  RUN.lastIndex = start;
  const run = RUN.exec(text)![0];
  const address = trimEnd(run);
  const host = address.replace(/^https?:\/\//i, '');
  const href = DOMAIN.test(host) || (host != address && /^[\p{L}\p{N}[]/u.test(host)) ? safeUrl(host == address ? 'http://' + address : address) : '';
  return href ? {start, end: start + address.length, href} : {skip: start + Math.max(run.length, 1)};
};

/** The e-mail address around the `@` at `at`, if there is one (never reaching left of `from`). */
const emailAddress = (text: string, at: number, from: number): Found | undefined => {
  let start = at;
  while (start > from && LOCAL.test(text[start - 1])) start--;
  let end = at + 1;
  while (end < text.length && DOMAIN_CHAR.test(text[end])) end++;
  const domain = text.slice(at + 1, end).replace(/[._-]+$/, '');
  const local = text.slice(start, at);
  if (!local || !DOMAIN.test(domain) || DOMAIN.exec(domain)![0] != domain) return undefined;
  return {start, end: at + 1 + domain.length, href: safeUrl('mailto:' + local + '@' + domain)};
};

/** At most this many links per message by default: past it the rest stays text (each link is an element to build). */
export const MAX_LINKS = 500;

/** `text` as strings and at most `maxLinks` links, in order (an empty array for an empty text). */
export const linkify = (text: string, maxLinks = MAX_LINKS): Array<string | TemplateResult> => {
  const out: Array<string | TemplateResult> = [];
  let done = 0; // text before this index is in `out` already
  START.lastIndex = 0;
  for (let match, links = 0; links < maxLinks && (match = START.exec(text)); ) {
    const found = match[0] == '@' ? emailAddress(text, match.index, done) : webAddress(text, match.index);
    if (!found) continue;
    if ('skip' in found) {
      START.lastIndex = found.skip;
      continue;
    }
    out.push(text.slice(done, found.start), newTab(found.href, text.slice(found.start, found.end)));
    links++;
    done = START.lastIndex = found.end;
  }
  out.push(text.slice(done));
  return out.filter((part) => part !== '');
};
