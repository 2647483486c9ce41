// Agent Markdown → Lit templates. Our parser (block-parser.ts, inline-parser.ts: CommonMark
// with GFM tables and `~~strikethrough~~`, line breaks as the agents' own tool renders them,
// `breaks: true`) turns the text into tokens; MarkdownRenderer turns the tokens into templates.
// No HTML string is ever built: every piece of text lands in a Lit text binding (escaped by the
// DOM), raw HTML shows as text, and every URL goes through `safeUrl`. Bare addresses in text
// become links, as markdown-it's `linkify` makes them in the agents' tool.
//
// The parser is linear in time by construction (see its files); around it:
// - a text longer than MAX_MARKDOWN_LENGTH, or whose containers nest deeper than
//   MAX_CONTAINER_PREFIX characters of markers on one line, is shown as plain text with links;
// - past MAX_ELEMENTS rendered elements, the rest is shown as text (and the parser makes inline
//   elements nested too deep their text).
// Line breaks inside a paragraph are newline characters in its text node, shown by
// `white-space: pre-line` (markdown.styles.ts): no <br> element per line.
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import {BlockParser} from './block-parser.js';
import {linkify, MAX_LINKS} from './linkify.js';
import {newTab, pieces, safeUrl} from './safe.js';
import type {Block, Inline} from './tokens.js';

export {plain, safeUrl} from './safe.js';
export {linkify} from './linkify.js';

/** What a template binding receives: text, a template, or a list of them. */
type Part = string | TemplateResult | typeof nothing | Part[];

/** Longer texts are shown as plain text with links (an agent's message is a few thousand characters). */
export const MAX_MARKDOWN_LENGTH = 20_000;
/** Container markers and indentation at a line's start (`> > - 1. `) past which nesting is absurd. */
const MAX_CONTAINER_PREFIX = 48;
/** A longer message's blocks are laid out only when scrolled into view (markdown.styles.ts). */
const LONG = 2_000;
/** Elements one message may render. */
const MAX_ELEMENTS = 2_000;

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/;

/** Does some line open more containers (or more indentation) than any real message? */
const nestsTooDeep = (src: string) => src.split('\n').some((line) => CONTAINER_PREFIX.exec(line)![0].length > MAX_CONTAINER_PREFIX);

/** The blocks of `src`, or undefined when it is too long or too deep to lay out. */
const parse = (src: string): Block[] | undefined =>
  src.length > MAX_MARKDOWN_LENGTH || nestsTooDeep(src) ? undefined : new BlockParser().parse(src);

/** The text of inline tokens, as written minus the markers (what an element shows past a limit). */
const inlineText = (tokens: Inline[]): string =>
  tokens.map((token) => (typeof token == 'string' ? token : 'children' in token ? inlineText(token.children) : 'alt' in token ? token.alt : token.text)).join('');

/** The text of blocks, a line per block (what blocks show past the element limit). */
const blockText = (blocks: Block[]): string =>
  blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return inlineText(block.content);
        case 'code':
          return block.text;
        case 'quote':
          return blockText(block.blocks);
        case 'list':
          return block.items.map(blockText).join('\n');
        case 'table':
          return [block.head, ...block.rows].map((row) => row.map(inlineText).join(' | ')).join('\n');
        default:
          return '';
      }
    })
    .join('\n');

/** Turns one message's tokens into templates, counting the elements and links it makes. */
class MarkdownRenderer {
  private elements = 0;
  private links = MAX_LINKS;

  /**
   * Templates for blocks; in a tight list's item, paragraphs show without a box of their own.
   * Past MAX_ELEMENTS, the remaining blocks are one text.
   */
  blocks(blocks: Block[], tight = false): Part[] {
    const out: Part[] = [];
    for (const [index, block] of blocks.entries()) {
      const size = block.type == 'table' ? (block.rows.length + 1) * (block.head.length + 1) : 1;
      if (!this.allowElement(size)) {
        out.push(html`<p>${blockText(blocks.slice(index))}</p>`);
        break;
      }
      out.push(this.block(block, tight));
    }
    return out;
  }

  private block(block: Block, tight: boolean): Part {
    switch (block.type) {
      case 'paragraph':
        return tight ? this.inline(block.content) : html`<p>${this.inline(block.content)}</p>`;
      case 'heading':
        return this.heading(block.depth, this.inline(block.content));
      case 'quote':
        return html`<blockquote>${this.blocks(block.blocks)}</blockquote>`;
      case 'list':
        return this.list(block);
      case 'code':
        return html`<pre><code>${block.text}</code></pre>`;
      case 'rule':
        return html`<hr />`;
      case 'table':
        return this.table(block);
    }
  }

  private heading(depth: number, body: Part) {
    switch (depth) {
      case 1:
        return html`<h1>${body}</h1>`;
      case 2:
        return html`<h2>${body}</h2>`;
      case 3:
        return html`<h3>${body}</h3>`;
      case 4:
        return html`<h4>${body}</h4>`;
      case 5:
        return html`<h5>${body}</h5>`;
      default:
        return html`<h6>${body}</h6>`;
    }
  }

  private list({ordered, start, tight, items}: Extract<Block, {type: 'list'}>) {
    const rendered: Part[] = [];
    for (const [index, item] of items.entries()) {
      if (!this.allowElement()) {
        rendered.push(html`<li>${items.slice(index).map(blockText).join('\n')}</li>`); // too many: the rest as text
        break;
      }
      rendered.push(html`<li>${this.blocks(item, tight)}</li>`);
    }
    if (!ordered) return html`<ul>${rendered}</ul>`;
    return html`<ol start=${start == 1 ? nothing : start}>${rendered}</ol>`;
  }

  private table({head, rows}: Extract<Block, {type: 'table'}>) {
    const cells = (row: Inline[][], header: boolean) =>
      row.map((cell) => (header ? html`<th>${this.inline(cell)}</th>` : html`<td>${this.inline(cell)}</td>`));
    return html`<div class="table">
      <table>
        <thead>
          <tr>${cells(head, true)}</tr>
        </thead>
        <tbody>
          ${rows.map((row) => html`<tr>${cells(row, false)}</tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  /** Templates for inline tokens; text outside links has its bare addresses linked. */
  private inline(tokens: Inline[], inLink = false): Part[] {
    return tokens.map((token) => {
      if (typeof token == 'string') return inLink ? token : this.linkified(token);
      return this.allowElement() ? this.element(token, inLink) : inlineText([token]);
    });
  }

  /** One inline element: emphasis, code, a link (or its text, if its URL is not allowed). */
  private element(token: Exclude<Inline, string>, inLink: boolean): Part {
    switch (token.type) {
      case 'strong':
        return html`<strong>${this.inline(token.children, inLink)}</strong>`;
      case 'em':
        return html`<em>${this.inline(token.children, inLink)}</em>`;
      case 'del':
        return html`<s>${this.inline(token.children, inLink)}</s>`;
      case 'code':
        return html`<code>${token.text}</code>`;
      case 'link': {
        const href = safeUrl(token.href);
        const body = this.inline(token.children, true);
        return href ? newTab(href, body, '', token.title) : body;
      }
      case 'image': {
        // An image in Markdown is a link to it, named by its alt text: no request to a host
        // the agent typed until the visitor chooses to follow it.
        const href = safeUrl(token.href);
        return href ? newTab(href, token.alt || href, 'image', token.title) : token.alt;
      }
    }
  }

  /** `text` with its bare addresses as links, while the message's link allowance lasts. */
  private linkified(text: string): Part {
    if (this.links <= 0) return text;
    const parts = linkify(text, this.links);
    const made = parts.filter((part) => typeof part != 'string').length;
    this.links -= made;
    this.elements += made;
    return parts;
  }

  /** Counts `count` more elements; false once the message has made too many. */
  private allowElement(count = 1) {
    this.elements += count;
    return this.elements <= MAX_ELEMENTS;
  }
}

/**
 * Agent Markdown as templates, inside one `<div class="md">`. Keyed by the text, so an edited
 * message is built anew off the page and inserted once (updating thousands of nodes in place
 * inside the message's `dir="auto"` box would cost quadratic time).
 */
export function markdown(src: string): TemplateResult {
  const tokens = parse(src.replace(/\r\n?/g, '\n'));
  // Too long or too deep for Markdown: laid out as the visitor's plain text is (in pieces, each
  // laid out only when in view), not as one block inside a Markdown box.
  if (!tokens) return plainWithLinks(src);
  return html`${keyed(src, html`<div class="md ${src.length > LONG ? 'long' : ''}">${new MarkdownRenderer().blocks(tokens)}</div>`)}`;
}

/** Plain text whose addresses are links, in pieces as `plain` lays it out. */
const textWithLinks = (src: string) => {
  const all = pieces(src);
  let links = MAX_LINKS; // for the whole text, not per piece
  const linked = (piece: string) => {
    const parts = linkify(piece, links);
    links -= parts.filter((part) => typeof part != 'string').length;
    return parts;
  };
  return html`<div class="plain ${all.length > 1 ? 'long' : ''}">${all.map((piece) => html`<span>${linked(piece)}</span>`)}</div>`;
};

/** The visitor's text (never Markdown): plain text whose addresses are links. */
export const plainWithLinks = (src: string) => html`${keyed(src, textWithLinks(src))}`;
