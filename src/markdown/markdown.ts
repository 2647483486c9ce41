// Agent Markdown → Lit templates. Hand-written on purpose: Markdown libraries emit HTML strings
// (which would need innerHTML/unsafeHTML, forbidden for server text) and weigh 10+ KB, more than
// this whole layer's budget. Every piece of text lands in a Lit text binding (escaped by the
// DOM), and every URL goes through `safeUrl`. The regexes run per line and nesting is capped.
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

const FENCE = /^\s*```/;
const ITEM = /^\s*(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;
// code | **b** | __b__ | *i* | _i_ | [text](url) | bare URL. Emphasis must hug its text (stray
// markers stay literal) and cannot run past the next marker of its kind: a failed match then
// costs only the distance to that marker, which keeps the whole scan linear.
const INLINE =
  /`([^`]+)`|\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*|__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__|\*(?=[^\s*])([^*]+?)(?<=\S)\*|\b_(?=[^\s_])([^_]+?)(?<=\S)_\b|\[([^[\]]*)\]\(\s*([^()\s]+)\s*\)|(https?:\/\/[^\s<>]*[^\s<>.,:;"'!?)\]])/g;

const link = (u: string, body: Part, plain: boolean): Part => {
  const href = !plain && safeUrl(u);
  return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${body}</a>` : body;
};

const inline = (s: string, depth = 0, plain = false): Part[] => {
  if (depth > 4) return [s];
  const out: Part[] = [];
  let last = 0;
  for (const m of s.matchAll(INLINE)) {
    const [all, code, b1, b2, i1, i2, text, url, bare] = m;
    out.push(s.slice(last, m.index));
    last = m.index + all.length;
    const inner = (x: string) => inline(x, depth + 1, plain);
    out.push(
      code
        ? html`<code>${code}</code>`
        : b1 || b2
          ? html`<strong>${inner(b1 || b2)}</strong>`
          : i1 || i2
            ? html`<em>${inner(i1 || i2)}</em>`
            : bare
              ? link(bare, bare, plain)
              : link(url, text ? inline(text, depth + 1, true) : url, plain)
    );
  }
  out.push(s.slice(last));
  return out;
};

/** Visitor text: no Markdown, only line breaks. */
export const plain = (s: string): Part[] => s.split('\n').map((l, i) => (i ? [html`<br />`, l] : l));

/** Agent Markdown: paragraphs, line breaks, lists, fenced code, bold, italic, code, links. */
export function markdown(src: string): TemplateResult[] {
  const lines = src.split(/\r\n?|\n/);
  const out: TemplateResult[] = [];
  for (let i = 0, m; i < lines.length; ) {
    if (FENCE.test(lines[i])) {
      const code: string[] = [];
      while (++i < lines.length && !FENCE.test(lines[i])) code.push(lines[i]);
      i++;
      out.push(html`<pre><code>${code.join('\n')}</code></pre>`);
    } else if ((m = ITEM.exec(lines[i]))) {
      const ol = !m[1];
      const start = m[2];
      const items: TemplateResult[] = [];
      while (i < lines.length && (m = ITEM.exec(lines[i])) && !m[1] === ol) {
        items.push(html`<li>${inline(m[3])}</li>`);
        i++;
      }
      out.push(ol ? html`<ol start=${start}>${items}</ol>` : html`<ul>${items}</ul>`);
    } else if (lines[i].trim()) {
      const para: string[] = [];
      while (i < lines.length && lines[i].trim() && !FENCE.test(lines[i]) && !ITEM.test(lines[i])) para.push(lines[i++]);
      out.push(html`<p>${para.map((l, j) => (j ? [html`<br />`, inline(l)] : inline(l)))}</p>`);
    } else i++;
  }
  return out;
}
