// The console's own Markdown: what agents type in the composer (bold, italic, strikethrough,
// code, code blocks, links, bare URLs, lists with nesting, quotes, headings, line breaks) turned
// into DOM nodes. No HTML string is ever parsed: raw HTML stays visible text, and links are
// allow-listed (http, https, mailto). Every pass is linear in the input: each delimiter search
// either finds its closer, which the scan then jumps past, or records that none follows, so a
// hostile message (thousands of unclosed `**`, deep nesting) cannot stall the page.
import {h, safeUrl} from './dom.js';

const MAX_DEPTH = 6;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)]) +(.*)$/;
const HEADING = /^ {0,3}(#{1,6}) +(.*?)(?: +#+ *)?$/;
const FENCE = /^ {0,3}(```|~~~)/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const URL_START = /^(https?:\/\/|www\.)/i;
const URL_TRAILING = /[.,;:!?'")\]]+$/;

/**
 * Render a message body as a fragment of block elements.
 * @param {string} text
 * @returns {DocumentFragment}
 */
export function renderMarkdown(text) {
  const fragment = document.createDocumentFragment();
  renderBlocks(String(text).replace(/\r\n?/g, '\n').split('\n'), 0, fragment);
  return fragment;
}

/** Appends the blocks of `lines` to `blocks`. @param {string[]} lines @param {number} depth @param {ParentNode} blocks */
function renderBlocks(lines, depth, blocks) {
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (!line.trim()) {
      index++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const end = findIndex(lines, index + 1, (candidate) => candidate.trimStart().startsWith(fence[1]));
      const stop = end === -1 ? lines.length : end;
      blocks.append(h('pre', {class: 'md-code'}, h('code', {}, lines.slice(index + 1, stop).join('\n'))));
      index = stop + 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.append(h('p', {class: `md-heading md-h${heading[1].length}`}, h('strong', {}, renderInline(heading[2], depth))));
      index++;
      continue;
    }
    if (QUOTE.test(line)) {
      const end = findIndex(lines, index, (candidate) => !QUOTE.test(candidate));
      const stop = end === -1 ? lines.length : end;
      const inner = lines.slice(index, stop).map((quoted) => /** @type {RegExpExecArray} */ (QUOTE.exec(quoted))[1]);
      if (depth < MAX_DEPTH) {
        const quote = h('blockquote');
        renderBlocks(inner, depth + 1, quote);
        blocks.append(quote);
      } else blocks.append(h('p', {}, inner.join(' ')));
      index = stop;
      continue;
    }
    if (LIST_ITEM.test(line)) {
      index = renderList(lines, index, depth, blocks);
      continue;
    }
    // A paragraph: lines up to a blank line or another block; each line break is kept.
    const paragraph = h('p');
    let first = true;
    while (index < lines.length && lines[index].trim() && !startsBlock(lines[index])) {
      if (!first) paragraph.append(h('br'));
      paragraph.append(renderInline(lines[index], depth));
      first = false;
      index++;
    }
    blocks.append(paragraph);
  }
}

/** @param {string} line */
const startsBlock = (line) => FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || LIST_ITEM.test(line);

/**
 * @param {string[]} lines @param {number} from @param {(line: string) => boolean} test
 * @returns {number} the first index at or after `from` whose line passes, or -1
 */
function findIndex(lines, from, test) {
  for (let index = from; index < lines.length; index++) if (test(lines[index])) return index;
  return -1;
}

/**
 * Lists nest by indentation; a non-item line indented under an item continues it.
 * @param {string[]} lines @param {number} start @param {number} depth @param {ParentNode} blocks
 * @returns {number} the index after the list
 */
function renderList(lines, start, depth, blocks) {
  /** @type {{indent: number, list: HTMLElement, item: HTMLElement | null}[]} */
  const stack = [];
  let index = start;
  while (index < lines.length) {
    const line = lines[index];
    const item = LIST_ITEM.exec(line);
    if (!item) {
      const top = stack.at(-1);
      if (!line.trim() || !top?.item || !/^\s/.test(line)) break;
      top.item.append(h('br'), renderInline(line.trim(), depth));
      index++;
      continue;
    }
    const indent = item[1].length;
    const ordered = /\d/.test(item[2]);
    while (stack.length > 1 && indent < /** @type {{indent: number}} */ (stack.at(-1)).indent) stack.pop();
    let top = stack.at(-1);
    if (!top || (indent > top.indent + 1 && top.item && stack.length < MAX_DEPTH)) {
      const list = h(ordered ? 'ol' : 'ul');
      if (top?.item) top.item.append(list);
      else blocks.append(list);
      top = {indent, list, item: null};
      stack.push(top);
    }
    const entry = h('li', {}, renderInline(item[3], depth));
    top.list.append(entry);
    top.item = entry;
    index++;
  }
  return index;
}

/**
 * Inline spans of one line.
 * @param {string} text @param {number} depth
 * @returns {DocumentFragment}
 */
export function renderInline(text, depth = 0) {
  const out = document.createDocumentFragment();
  /** Where a search for each delimiter already came back empty: none follows from there. @type {Map<string, number>} */
  const noneAfter = new Map();
  /** @param {string} delimiter @param {number} from */
  const closer = (delimiter, from) => {
    const known = noneAfter.get(delimiter);
    if (known !== undefined && from >= known) return -1;
    const found = text.indexOf(delimiter, from);
    if (found === -1) noneAfter.set(delimiter, from);
    return found;
  };
  let plain = '';
  const flush = () => {
    if (plain) out.append(plain);
    plain = '';
  };
  /** @param {Node} node */
  const push = (node) => (flush(), out.append(node));
  const nested = (/** @type {string} */ inner) => (depth < MAX_DEPTH ? renderInline(inner, depth + 1) : inner);

  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const previous = index > 0 ? text[index - 1] : ' ';
    if (char === '\\' && index + 1 < text.length && /[\\`*_~[\]()#>+\-.!]/.test(text[index + 1])) {
      plain += text[index + 1];
      index += 2;
      continue;
    }
    if (char === '`') {
      const end = closer('`', index + 1);
      if (end > index + 1) {
        push(h('code', {}, text.slice(index + 1, end)));
        index = end + 1;
        continue;
      }
    }
    if (char === '[') {
      const link = linkAt(text, index, closer);
      if (link) {
        push(link.node);
        index = link.end;
        continue;
      }
    }
    const pair = text.slice(index, index + 2);
    if (pair === '**' || pair === '__' || pair === '~~') {
      const end = closer(pair, index + 2);
      if (end > index + 2 && (pair !== '__' || !/\w/.test(previous))) {
        push(h(pair === '~~' ? 's' : 'strong', {}, nested(text.slice(index + 2, end))));
        index = end + 2;
        continue;
      }
    }
    if ((char === '*' || char === '_') && text[index + 1] !== ' ' && (char === '*' || !/\w/.test(previous))) {
      const end = closer(char, index + 1);
      if (end > index + 1 && text[end - 1] !== ' ') {
        push(h('em', {}, nested(text.slice(index + 1, end))));
        index = end + 1;
        continue;
      }
    }
    if ((char === 'h' || char === 'w' || char === 'H' || char === 'W') && !/\w/.test(previous) && URL_START.test(text.slice(index, index + 8))) {
      const raw = /^\S+/.exec(text.slice(index, index + 2048))?.[0] ?? '';
      const candidate = raw.replace(URL_TRAILING, '');
      const href = safeUrl(/^www\./i.test(candidate) ? `https://${candidate}` : candidate);
      if (href && candidate.length > 4) {
        push(h('a', {href, target: '_blank', rel: 'noopener noreferrer'}, candidate));
        index += candidate.length;
        continue;
      }
    }
    plain += char;
    index++;
  }
  flush();
  return out;
}

/**
 * `[label](url)` at `start`, when the URL is allowed; otherwise null (shown as text).
 * @param {string} text @param {number} start @param {(delimiter: string, from: number) => number} closer
 */
function linkAt(text, start, closer) {
  const labelEnd = closer(']', start + 1);
  if (labelEnd === -1 || text[labelEnd + 1] !== '(') return null;
  const urlEnd = closer(')', labelEnd + 2);
  if (urlEnd === -1) return null;
  const target = text.slice(labelEnd + 2, urlEnd).trim().split(/\s+/)[0] ?? '';
  const href = safeUrl(target.replace(/^<|>$/g, ''), true);
  const label = text.slice(start + 1, labelEnd) || target;
  if (!href) return {node: document.createTextNode(label), end: urlEnd + 1};
  return {node: h('a', {href, target: '_blank', rel: 'noopener noreferrer'}, label), end: urlEnd + 1};
}
