// Agent Markdown → Lit templates. marked's lexer (CommonMark + GFM, `breaks: true` as the
// agents' own tool renders it) turns the text into tokens; MarkdownRenderer turns the tokens
// into templates. No HTML string is ever built: every piece of text lands in a Lit text binding
// (escaped by the DOM), raw HTML shows as text, and every URL goes through `safeUrl`.
//
// Linear time, whatever the text: marked's lexer is quadratic on some shapes (long runs of
// emphasis markers or brackets, deep nesting; 75,000 nested quote markers overflow its stack).
// So, before and while parsing:
// - a text longer than MAX_MARKDOWN_LENGTH, or whose containers nest deeper than
//   MAX_CONTAINER_PREFIX characters of markers on one line, is shown as plain text with links;
// - a paragraph whose inline parse could cost more than INLINE_WORK_LIMIT (markers × length, the
//   cost of marked's worst case), or once the message's total passes INLINE_WORK_BUDGET, is
//   shown as its text with links (markers included, so nothing is lost);
// - past MAX_ELEMENTS rendered elements, the rest is shown as text.
// Line breaks inside a paragraph are newline characters in its text node, shown by
// `white-space: pre-line` (markdown.styles.ts): no <br> element per line.
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import {Lexer} from 'marked';
import type {MarkedToken, Token, Tokens} from 'marked';
import {decodeEntities} from './entities.js';
import {linkify, MAX_LINKS} from './linkify.js';
import {newTab, pieces, safeUrl} from './safe.js';

export {plain, safeUrl} from './safe.js';
export {linkify} from './linkify.js';

/** What a template binding receives: text, a template, or a list of them. */
type Part = string | TemplateResult | typeof nothing | Part[];

/** Longer texts are shown as plain text with links (an agent's message is a few thousand characters). */
export const MAX_MARKDOWN_LENGTH = 20_000;
/** Container markers and indentation at a line's start (`> > - 1. `) past which nesting is absurd. */
const MAX_CONTAINER_PREFIX = 48;
/** Markers × length of one paragraph, past which its inline parse could take long. */
const INLINE_WORK_LIMIT = 4_000_000;
/** The same summed over the message. */
const INLINE_WORK_BUDGET = 20_000_000;
/** A longer message's blocks are laid out only when scrolled into view (markdown.styles.ts). */
const LONG = 2_000;
/** Elements one message may render. */
const MAX_ELEMENTS = 2_000;

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/;
/** Characters at which marked's inline rules start a match (emphasis, code, links, HTML, escapes, autolinks). */
const INLINE_MARKERS = /[*_~`[\]!<>\\@:&]/g;

/** Does some line open more containers (or more indentation) than any real message? */
const nestsTooDeep = (src: string) => src.split('\n').some((line) => CONTAINER_PREFIX.exec(line)![0].length > MAX_CONTAINER_PREFIX);

/** The tokens of `src`, or undefined when it is too long or too deep to parse in linear time. */
const parse = (src: string): Token[] | undefined => {
  if (src.length > MAX_MARKDOWN_LENGTH || nestsTooDeep(src)) return undefined;
  const lexer = new Lexer({gfm: true, breaks: true});
  try {
    const tokens = lexer.blockTokens(src, lexer.tokens);
    // The inline pass, as Lexer.lex runs it, paragraph by paragraph within the work budget.
    let budget = INLINE_WORK_BUDGET;
    for (const {src: text, tokens: into} of lexer.inlineQueue) {
      const work = (text.match(INLINE_MARKERS)?.length ?? 0) * text.length;
      budget -= work;
      if (work <= INLINE_WORK_LIMIT && budget >= 0) {
        lexer.state.inRawBlock = false;
        lexer.inlineTokens(text, into);
      } else into.push({type: 'unparsed', raw: text, text});
    }
    return tokens;
  } catch {
    return undefined; // a lexer error (a stack overflow on input our limits missed): plain text
  }
};

/** Turns one message's tokens into templates, counting the elements it makes. */
class MarkdownRenderer {
  private elements = 0;

  /**
   * Templates for block tokens (paragraphs, lists, quotes, code, headings, tables, rules).
   * Past MAX_ELEMENTS, the remaining blocks are one text, as written.
   */
  blocks(tokens: Token[]): Part[] {
    const out: Part[] = [];
    for (const [index, token] of tokens.entries()) {
      if (token.type == 'space' || token.type == 'def') continue;
      if (!this.allowElement(token.type == 'table' ? this.tableSize(token as Tokens.Table) : 1)) {
        out.push(html`<p>${tokens.slice(index).map((rest) => rest.raw)}</p>`);
        break;
      }
      out.push(this.block(token as MarkedToken));
    }
    return out;
  }

  private block(token: MarkedToken): Part {
    switch (token.type) {
      case 'paragraph':
        return html`<p>${this.inline(token.tokens)}</p>`;
      case 'text': // a tight list item's text
        return token.tokens ? this.inline(token.tokens) : decodeEntities(token.text);
      case 'heading':
        return this.heading(token.depth, this.inline(token.tokens));
      case 'blockquote':
        return html`<blockquote>${this.blocks(token.tokens)}</blockquote>`;
      case 'list':
        return this.list(token);
      case 'code':
        return html`<pre><code>${token.text}</code></pre>`;
      case 'hr':
        return html`<hr />`;
      case 'table':
        return this.table(token);
      case 'checkbox': // a task list item's box, written as the agents' tool shows it
        return token.checked ? '[x] ' : '[ ] ';
      case 'html': // raw HTML is shown as the text it is
        return html`<p>${token.text.replace(/\n+$/, '')}</p>`;
      default:
        return this.inline([token]);
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

  private list({ordered, start, items}: Tokens.List) {
    const rendered: Part[] = [];
    for (const [index, item] of items.entries()) {
      if (!this.allowElement()) {
        rendered.push(html`<li>${items.slice(index).map((rest) => rest.raw)}</li>`); // too many: the rest as written
        break;
      }
      rendered.push(html`<li>${this.blocks(item.tokens)}</li>`);
    }
    if (!ordered) return html`<ul>${rendered}</ul>`;
    return html`<ol start=${start === '' || start == 1 ? nothing : start}>${rendered}</ol>`;
  }

  private table({header, rows}: Tokens.Table) {
    const cells = (row: Tokens.TableCell[], head: boolean) =>
      row.map((cell) => (head ? html`<th>${this.inline(cell.tokens)}</th>` : html`<td>${this.inline(cell.tokens)}</td>`));
    return html`<div class="table">
      <table>
        <thead>
          <tr>${cells(header, true)}</tr>
        </thead>
        <tbody>
          ${rows.map((row) => html`<tr>${cells(row, false)}</tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  /**
   * Templates for inline tokens. Consecutive text (text, escapes, raw HTML, line breaks) is
   * joined into one string, so a paragraph of many lines is one text node.
   */
  inline(tokens: Token[]): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    for (const generic of tokens) {
      const token = generic as MarkedToken;
      switch (token.type) {
        case 'text':
          if (token.tokens) {
            flush();
            out.push(this.inline(token.tokens));
          } else text += decodeEntities(token.text);
          break;
        case 'escape': // the escaped character itself
        case 'html': // raw HTML, shown as the text it is
          text += token.text;
          break;
        case 'br':
          text += '\n';
          break;
        default:
          if (this.allowElement()) {
            flush();
            out.push(this.element(token));
          } else text += token.raw;
      }
    }
    flush();
    return out;
  }

  /** One inline element: emphasis, code, a link (or its text, if its URL is not allowed). */
  private element(token: MarkedToken | Tokens.Generic): Part {
    switch (token.type) {
      case 'strong':
        return html`<strong>${this.inline(token.tokens!)}</strong>`;
      case 'em':
        return html`<em>${this.inline(token.tokens!)}</em>`;
      case 'del':
        return html`<s>${this.inline(token.tokens!)}</s>`;
      case 'codespan':
        return html`<code>${token.text}</code>`;
      case 'link': {
        const href = safeUrl(decodeEntities(token.href));
        const body = this.inline(token.tokens!);
        return href ? newTab(href, body, '', token.title ? decodeEntities(token.title) : '') : body;
      }
      case 'image': {
        // An image in Markdown is a link to it, named by its alt text: no request to a host
        // the agent typed until the visitor chooses to follow it.
        const href = safeUrl(decodeEntities(token.href));
        const alt = decodeEntities(token.text);
        return href ? newTab(href, alt || href, 'image', token.title ? decodeEntities(token.title) : '') : alt;
      }
      case 'unparsed': // text too costly to parse: shown as written, with its links
        return linkify(token.raw);
      default:
        return token.raw;
    }
  }

  /** The elements a table makes: its cells and rows. */
  private tableSize({header, rows}: Tokens.Table) {
    return (rows.length + 1) * (header.length + 1);
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
  const body = tokens ? new MarkdownRenderer().blocks(tokens) : textWithLinks(src);
  return html`${keyed(src, html`<div class="md ${src.length > LONG ? 'long' : ''}">${body}</div>`)}`;
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
