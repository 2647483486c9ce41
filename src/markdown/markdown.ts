// Agent Markdown → Lit templates. Hand-written on purpose: Markdown libraries emit HTML strings
// (which would need innerHTML or Lit's unsafe-HTML directive, forbidden for server text) and
// weigh 10+ KB, more than this whole layer's budget. Every piece of text lands in a Lit text
// binding (escaped by the DOM), and every URL goes through `safeUrl`. The regexes run per line
// and nesting is capped.
import {html} from 'lit';
import type {TemplateResult} from 'lit';

type Part = string | TemplateResult | Part[];

/** `u` normalised if its scheme is allowed (http, https, mailto by default), else ''. */
export const safeUrl = (u: string, ok = /^(https?|mailto):$/): string => {
  try {
    const x = new URL(u);
    return ok.test(x.protocol) ? x.href : '';
  } catch {
    return '';
  }
};

/** A link to a checked URL, opened in a new tab that gets no handle on this page. */
export const newTab = (href: string, body: unknown, cls = '') =>
  html`<a class=${cls} href=${href} target="_blank" rel="noopener noreferrer">${body}</a>`;

const FENCE = /^\s*```/;
const ITEM = /^\s*(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;
// code | **b** | __b__ | *i* | _i_ | [text](url) | bare URL. Emphasis must hug its text (stray
// markers stay literal) and cannot run past the next marker of its kind: a failed match then
// costs only the distance to that marker, which keeps the whole scan linear.
const INLINE =
  /`([^`]+)`|\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*|__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__|\*(?=[^\s*])([^*]+?)(?<=\S)\*|\b_(?=[^\s_])([^_]+?)(?<=\S)_\b|\[([^[\]]*)\]\(\s*([^()\s]+)\s*\)|(https?:\/\/[^\s<>]*[^\s<>.,:;"'!?)\]])/g;

/** Inline Markdown of one line; inside a link's text (`inLink`) no further links. */
const inline = (s: string, depth = 0, inLink = false): Part[] => {
  if (depth > 4) return [s];
  const out: Part[] = [];
  let last = 0;
  for (const m of s.matchAll(INLINE)) {
    const [all, code, b1, b2, i1, i2, text, url, bare] = m;
    const inner = (x: string, l = inLink) => inline(x, depth + 1, l);
    const href = !inLink && safeUrl(url || bare);
    const body = text ? inner(text, true) : url || bare;
    out.push(
      s.slice(last, m.index),
      code
        ? html`<code>${code}</code>`
        : b1 || b2
          ? html`<strong>${inner(b1 || b2)}</strong>`
          : i1 || i2
            ? html`<em>${inner(i1 || i2)}</em>`
            : href
              ? newTab(href, body)
              : body
    );
    last = m.index + all.length;
  }
  out.push(s.slice(last));
  return out;
};

/** Lines joined by <br>. */
const lines = (ls: string[], f: (l: string) => Part = (l) => l) => ls.map((l, i) => (i ? [html`<br />`, f(l)] : f(l)));

/** Visitor text: no Markdown, only line breaks. */
export const plain = (s: string) => lines(s.split('\n'));

/** Agent Markdown: paragraphs, line breaks, lists, fenced code, bold, italic, code, links. */
export function markdown(src: string): TemplateResult[] {
  const ls = src.split(/\r\n?|\n/);
  const out: TemplateResult[] = [];
  for (let i = 0, m; i < ls.length; ) {
    if (FENCE.test(ls[i])) {
      const code: string[] = [];
      while (++i < ls.length && !FENCE.test(ls[i])) code.push(ls[i]);
      i++;
      out.push(html`<pre><code>${code.join('\n')}</code></pre>`);
    } else if ((m = ITEM.exec(ls[i]))) {
      const ol = !m[1];
      const start = m[2];
      const items: TemplateResult[] = [];
      // past the end, ls[i] is undefined, read as "undefined": no item
      while ((m = ITEM.exec(ls[i])) && !m[1] == ol) items.push(html`<li>${inline(m[3])}</li>`), i++;
      out.push(ol ? html`<ol start=${start}>${items}</ol>` : html`<ul>${items}</ul>`);
    } else if (ls[i].trim()) {
      const para: string[] = [];
      while (ls[i]?.trim() && !FENCE.test(ls[i]) && !ITEM.test(ls[i])) para.push(ls[i++]);
      out.push(html`<p>${lines(para, inline)}</p>`);
    } else i++;
  }
  return out;
}
