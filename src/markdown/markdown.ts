// Agent Markdown → Lit templates. Hand-written on purpose: Markdown libraries emit HTML strings
// (which would need innerHTML or Lit's unsafe-HTML directive, forbidden for server text) and
// weigh 10+ KB, more than this whole layer's budget. Every piece of text lands in a Lit text
// binding (escaped by the DOM), and every URL goes through `safeUrl`. The regexes run per line
// and nesting is capped.
import {html} from 'lit';
import type {TemplateResult} from 'lit';
import {br, newTab, safeUrl} from './safe.js';

export {plain, safeUrl} from './safe.js';

type Part = string | TemplateResult | Part[];

const ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;
// code | **b** | __b__ | *i* | _i_ | [text](url) | bare URL. Emphasis must hug its text (stray
// markers stay literal) and cannot run past the next marker of its kind: a failed match then
// costs only the distance to that marker, which keeps the whole scan linear.
const INLINE =
  /`([^`]+)`|(\*\*|__)(?=\S)((?:(?!\2)[^])+?)(?<=\S)\2|\*(?=[^\s*])([^*]+?)(?<=\S)\*|\b_(?=[^\s_])([^_]+?)(?<=\S)_\b|\[([^[\]]*)\]\(\s*([^()\s]+)\s*\)|(https?:\/\/[^\s<>]*[^\s<>.,:;"'!?)\]])/g;

/** Inline Markdown of one line; inside a link's text (`inLink`) no further links. */
const inline = (s: string, depth = 0, inLink = false): Part[] => {
  if (depth > 4) return [s];
  const out: Part[] = [];
  let last = 0;
  for (const m of s.matchAll(INLINE)) {
    const [all, code, , b, i1, i2, text, url, bare] = m;
    const inner = (x: string, l = inLink) => inline(x, depth + 1, l);
    const href = !inLink && safeUrl(url || bare);
    const body = text ? inner(text, true) : url || bare;
    out.push(
      s.slice(last, m.index),
      code
        ? html`<code>${code}</code>`
        : b
          ? html`<strong>${inner(b)}</strong>`
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

/**
 * Agent Markdown: paragraphs, line breaks, lists, fenced code, bold, italic, code, links.
 * Fences split the text first (odd pieces are code, an unclosed fence runs to the end); then
 * each line opens a block when its kind (paragraph, bullet or numbered item, blank) changes,
 * and lands in the open block's array, which the block's template renders later.
 */
export function markdown(src: string): TemplateResult[] {
  const out: TemplateResult[] = [];
  src
    .replace(/\r\n?/g, '\n')
    .split(/^[ \t]*```.*$/m)
    .map((chunk, i) => {
      let kind: string | undefined;
      let cur: Part[] = [];
      if (i % 2) out.push(html`<pre><code>${chunk.replace(/^\n|\n$/g, '')}</code></pre>`);
      else
        for (const l of chunk.split('\n')) {
          const m = ITEM.exec(l);
          const k = m ? (m[1] ? 'u' : 'o') : l.trim() && 'p';
          if (k != kind && (kind = k))
            out.push(k == 'p' ? html`<p>${(cur = [])}</p>` : k == 'u' ? html`<ul>${(cur = [])}</ul>` : html`<ol start=${m![2]}>${(cur = [])}</ol>`);
          if (k) cur.push(m ? html`<li>${inline(m[3])}</li>` : [cur.length ? br : '', inline(l)]);
        }
    });
  return out;
}
