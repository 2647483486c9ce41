// Safe building blocks for server text, used by every message: URL allow-listing, links that
// open in a new tab without a handle on this page, and plain text. Every piece of text lands in
// a Lit text binding (escaped by the DOM); no server string becomes HTML.
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';

/** `url` normalised if its scheme is allowed (http, https, mailto by default), else ''. */
export const safeUrl = (url: string, allowed = /^(https?|mailto):$/): string => {
  try {
    const parsed = new URL(url);
    return allowed.test(parsed.protocol) ? parsed.href : '';
  } catch {
    return '';
  }
};

/** `url` normalised if it may be shown as media: http(s), or `blob:` (the visitor's own uploads). */
export const media = (url: string) => safeUrl(url, /^(https?|blob):$/);

/** A link to a checked URL, opened in a new tab that gets no handle on this page (`title`: Markdown's link title). */
export const newTab = (href: string, body: unknown, cls = '', title = '') =>
  html`<a class=${cls} href=${href} title=${ifDefined(title || undefined)} target="_blank" rel="noopener noreferrer">${body}</a>`;

/** Longest piece of plain text laid out as one block (see `pieces`). */
const PIECE = 2000;

/**
 * `text` cut into pieces of at most PIECE characters, after a line break where there is one
 * in a piece's second half, else after a space, else anywhere. Chromium lays out one long
 * paragraph in more than linear time (150,000 characters of Arabic or emoji: seconds); each
 * piece is its own block (`.plain > span`), which keeps layout linear. A cut after a space
 * shows as a line wrapped a little early; a short text is one piece.
 */
export const pieces = (text: string): string[] => {
  const out: string[] = [];
  for (let start = 0; start < text.length; ) {
    let piece = text.slice(start, start + PIECE);
    if (start + piece.length < text.length) {
      const cut = Math.max(piece.lastIndexOf('\n'), piece.lastIndexOf(' '));
      if (cut >= PIECE / 2) piece = piece.slice(0, cut + 1);
    }
    out.push(piece);
    start += piece.length;
  }
  return out;
};

/**
 * Text without Markdown (the visitor's, or an agent's until the Markdown module is loaded), in
 * a box styled `white-space: pre-wrap` (class `plain`, see markdown.styles.ts): its line breaks
 * show without a <br> per line. A long text's pieces (class `long`) are laid out only when
 * scrolled into view (`content-visibility: auto`): 75,000 short lines are 75,000 line boxes. A <br> and a text node per line cost quadratic time inside the
 * message's `dir="auto"` box (Chromium re-resolves the box's direction on every node inserted
 * into it: 10,000 lines took seconds); a few pieces of text cost nothing.
 */
export const plain = (text: string) => {
  const all = pieces(text);
  return html`<div class="plain ${all.length > 1 ? 'long' : ''}">${all.map((piece) => html`<span>${piece}</span>`)}</div>`;
};
