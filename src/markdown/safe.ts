// Safe building blocks for server text, used by every message: URL allow-listing, links that
// open in a new tab without a handle on this page, and plain text with line breaks. Every piece
// of text lands in a Lit text binding (escaped by the DOM); no server string becomes HTML.
import {html} from 'lit';

/** `u` normalised if its scheme is allowed (http, https, mailto by default), else ''. */
export const safeUrl = (u: string, ok = /^(https?|mailto):$/): string => {
  try {
    const x = new URL(u);
    return ok.test(x.protocol) ? x.href : '';
  } catch {
    return '';
  }
};

/** `u` normalised if it may be shown as media: http(s), or `blob:` (the visitor's own uploads). */
export const media = (u: string) => safeUrl(u, /^(https?|blob):$/);

/** A link to a checked URL, opened in a new tab that gets no handle on this page. */
export const newTab = (href: string, body: unknown, cls = '') =>
  html`<a class=${cls} href=${href} target="_blank" rel="noopener noreferrer">${body}</a>`;

export const br = html`<br />`;

/** Text without Markdown (the visitor's, or an agent's until the Markdown module is loaded): only line breaks. */
export const plain = (s: string) => s.split('\n').map((l, i) => [i ? br : '', l]);
