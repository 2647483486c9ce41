// The block structure of Markdown: paragraphs, headings (ATX and setext), code blocks (fenced
// and indented), thematic breaks, block quotes, lists (nested, bullet or ordered), GFM tables
// and link reference definitions. It follows CommonMark's line-by-line algorithm: each line
// first continues the open blocks it can (a quote's `>`, a list item's indentation), then may
// start new ones; a line that continues nothing but a paragraph's text is a "lazy"
// continuation of it. Raw HTML is not recognised: it stays text, as the agents' tool has it
// (markdown-it with `html: false`).
//
// Linear time: each line is looked at once per open container (the caller bounds nesting) and
// leaves its text with one leaf. Inline content is parsed after all lines are read, when every
// reference definition is known.
import {InlineParser} from './inline-parser.js';
import {LinkSyntax, normalizeLabel} from './link-syntax.js';
import type {Block, Inline, LinkTarget} from './tokens.js';

type Kind = 'document' | 'quote' | 'list' | 'item' | 'paragraph' | 'heading' | 'code' | 'rule' | 'table';

/** Characters that may start a block other than a paragraph, when the line is not indented as code. */
const MAYBE_START = /[>#`~=*+_|:\d-]/;
const ATX_HEADING = /#{1,6}(?=[ \t]|$)/y;
const FENCE = /`{3,}|~{3,}/y;
const CLOSING_FENCE = /(`{3,}|~{3,})[ \t]*$/y;
const SETEXT_UNDERLINE = /(=+|-+)[ \t]*$/y;
const ORDERED_MARKER = /(\d{1,9})([.)])/y;
const TABLE_ALIGNMENT = /^:?-+:?$/;

/** A block being built. Containers hold blocks; leaves hold lines. */
class BlockNode {
  readonly children: BlockNode[] = [];
  /** A leaf's lines: a paragraph's text, a code block's lines, a table's rows (the first one its header). */
  lines: string[] = [];
  open = true;
  /** First and last line of the source it covers: a gap between two items or blocks of a list makes it loose. */
  startLine = 0;
  endLine = 0;
  /** A list's: ordered or not, and its marker (`-`, `*`, `+`, or `.`/`)` after a number); items of another marker start a new list. */
  ordered = false;
  marker = '';
  start = 1;
  tight = true;
  /** An item's content column, counted from where its container's content starts. */
  contentIndent = 0;
  /** A fenced code block's opening fence ('' for an indented block) and the indentation its lines lose. */
  fence = '';
  fenceIndent = 0;
  /** A heading's level. */
  depth = 0;

  constructor(
    readonly kind: Kind,
    readonly parent: BlockNode | null
  ) {}
}

/** What starting a block did to the line: opened a container (more may start inside), a leaf that takes the rest of the line, or used up the whole line. */
type Start = 'container' | 'leaf' | 'whole' | undefined;

/** Tabs in a line's leading markers and indentation as spaces (tab stops of 4), so indentation is counted in columns. */
const expandTabs = (line: string) => {
  if (!line.includes('\t')) return line;
  let out = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char == '\t') out += ' '.repeat(4 - (out.length % 4));
    else if (' >*+-.)0123456789'.includes(char)) out += char;
    else return out + line.slice(index);
  }
  return out;
};

/** A heading's text without its closing `#`s (which need a space before them). */
const headingText = (rest: string) => {
  const text = rest.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] == '#') end--;
  return end == 0 ? '' : end < text.length && /[ \t]/.test(text[end - 1]) ? text.slice(0, end).trim() : text;
};

/** A table row's cells: split at unescaped pipes, the outer pipes dropped, `\|` a pipe. */
const tableCells = (row: string) => {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let index = 0; index < text.length; index++) {
    if (text[index] == '\\' && text[index + 1] == '|') cell += text[++index];
    else if (text[index] == '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += text[index];
  }
  cells.push(cell.trim());
  return cells;
};

/** Is the line, from `start`, three or more of one of `*`, `-`, `_`, with nothing but spaces between? */
const isThematicBreak = (line: string, start: number) => {
  const char = line[start];
  if (char != '*' && char != '-' && char != '_') return false;
  let count = 0;
  for (let index = start; index < line.length; index++) {
    if (line[index] == char) count++;
    else if (line[index] != ' ' && line[index] != '\t') return false;
  }
  return count >= 3;
};

export class BlockParser {
  /** The reference definitions found, by normalised label (the first definition of a label wins). */
  readonly references = new Map<string, LinkTarget>();
  private readonly document = new BlockNode('document', null);
  /** The innermost open block. */
  private tip = this.document;
  /** The tip before the current line, and the deepest block the current line continued. */
  private oldTip = this.document;
  private lastMatched = this.document;
  private allClosed = true;
  // The current line and where its reading stands.
  private line = '';
  private lineNumber = 0;
  private position = 0;
  private nextNonSpace = 0;
  private indent = 0;
  private blank = false;

  /** The blocks of `src` (line breaks as `\n`), their inline content parsed. */
  parse(src: string): Block[] {
    for (const line of src.split('\n')) this.addLine(line);
    while (this.tip != this.document) this.finalize(this.tip, this.lineNumber);
    return this.blocks(this.document, new InlineParser(this.references));
  }

  private get indented() {
    return this.indent >= 4;
  }

  private findNextNonSpace() {
    let index = this.position;
    while (this.line[index] == ' ') index++;
    this.nextNonSpace = index;
    this.indent = index - this.position;
    this.blank = index >= this.line.length;
  }

  private addLine(raw: string) {
    this.line = expandTabs(raw);
    this.lineNumber++;
    this.position = 0;
    this.oldTip = this.tip;

    // 1. The open blocks this line continues, outermost first.
    let container = this.document;
    for (let last; (last = container.children.at(-1)) && last.open; container = last) {
      this.findNextNonSpace();
      const continued = this.continues(last);
      if (continued == 'done') return; // a closing fence: the line is used up
      if (!continued) break;
    }
    this.allClosed = container == this.oldTip;
    this.lastMatched = container;

    // 2. New blocks starting on it, until a leaf does.
    let started: Start = container.kind == 'code' ? 'leaf' : 'container';
    while (started == 'container') {
      this.findNextNonSpace();
      started = !this.indented && !MAYBE_START.test(this.line[this.nextNonSpace] ?? '') ? undefined : this.startBlock(container);
      if (started) container = this.tip;
      else this.position = this.nextNonSpace;
    }

    // 3. The rest of the line: a lazy paragraph line, or the text of the block it reached.
    if (!this.allClosed && !this.blank && this.tip.kind == 'paragraph' && started != 'whole') {
      this.tip.lines.push(this.line.slice(this.nextNonSpace));
      return;
    }
    this.closeUnmatched();
    if (started == 'whole') return;
    if (container.kind == 'code') container.lines.push(this.line.slice(this.position));
    else if (container.kind == 'paragraph' || container.kind == 'table') container.lines.push(this.line.slice(this.nextNonSpace));
    else if (!this.blank) this.addChild('paragraph').lines.push(this.line.slice(this.nextNonSpace));
  }

  /** Does the line continue `node`? It consumes the node's markers or indentation if so. */
  private continues(node: BlockNode): boolean | 'done' {
    const {line} = this;
    switch (node.kind) {
      case 'quote':
        if (this.indented || line[this.nextNonSpace] != '>') return false;
        this.position = this.nextNonSpace + 1;
        if (line[this.position] == ' ') this.position++;
        return true;
      case 'list':
        return true; // its items decide
      case 'item':
        if (this.blank) {
          this.position = this.nextNonSpace;
          return node.children.length > 0; // an item that started blank takes no second blank line
        }
        if (this.indent < node.contentIndent) return false;
        this.position += node.contentIndent;
        return true;
      case 'code':
        if (node.fence) {
          CLOSING_FENCE.lastIndex = this.nextNonSpace;
          const closing = !this.indented && CLOSING_FENCE.exec(line);
          if (closing && closing[1][0] == node.fence[0] && closing[1].length >= node.fence.length) {
            this.finalize(node, this.lineNumber);
            return 'done';
          }
          for (let strip = node.fenceIndent; strip > 0 && line[this.position] == ' '; strip--) this.position++;
          return true;
        }
        if (this.blank) this.position = this.nextNonSpace;
        else if (this.indented) this.position += 4;
        return this.blank || this.indented;
      case 'paragraph':
      case 'table':
        return !this.blank;
      default:
        return false; // headings and rules are one line
    }
  }

  /** Starts the block the line shows at its next non-space character, if any (CommonMark's order of precedence). */
  private startBlock(container: BlockNode): Start {
    const {line} = this;
    const start = this.nextNonSpace;
    const char = line[start];
    if (!this.indented) {
      if (char == '>') {
        this.position = start + 1;
        if (line[this.position] == ' ') this.position++;
        this.closeUnmatched();
        this.addChild('quote');
        return 'container';
      }
      ATX_HEADING.lastIndex = FENCE.lastIndex = start;
      const heading = ATX_HEADING.exec(line);
      if (heading) {
        this.closeUnmatched();
        const node = this.addChild('heading');
        node.depth = heading[0].length;
        node.lines = [headingText(line.slice(start + node.depth))];
        return 'whole';
      }
      const fence = FENCE.exec(line);
      if (fence && !(char == '`' && line.includes('`', start + fence[0].length))) {
        this.closeUnmatched();
        const node = this.addChild('code');
        node.fence = fence[0];
        node.fenceIndent = this.indent;
        return 'whole';
      }
      if (container.kind == 'paragraph' && (this.startTable(container) || this.startSetextHeading(container))) return 'whole';
      if (isThematicBreak(line, start)) {
        this.closeUnmatched();
        this.addChild('rule');
        return 'whole';
      }
    }
    if (this.startListItem(container)) return 'container';
    if (this.indented && this.tip.kind != 'paragraph' && !this.blank) {
      this.position += 4;
      this.closeUnmatched();
      this.addChild('code');
      return 'leaf';
    }
    return undefined;
  }

  /** `===` or `---` under a paragraph makes it a heading (unless the paragraph was only reference definitions). */
  private startSetextHeading(paragraph: BlockNode) {
    SETEXT_UNDERLINE.lastIndex = this.nextNonSpace;
    const underline = SETEXT_UNDERLINE.exec(this.line);
    if (!underline) return false;
    this.closeUnmatched();
    this.takeReferences(paragraph);
    if (!paragraph.lines.length) return false;
    const heading = new BlockNode('heading', paragraph.parent);
    heading.depth = underline[1][0] == '=' ? 1 : 2;
    heading.lines = [paragraph.lines.join('\n').trim()];
    heading.startLine = paragraph.startLine;
    paragraph.parent!.children.splice(-1, 1, heading);
    this.tip = heading;
    return true;
  }

  /**
   * A GFM table: a delimiter row (`|---|:--:|`) under a line with as many cells, which becomes
   * the header (the paragraph's earlier lines stay a paragraph, as markdown-it has it).
   */
  private startTable(paragraph: BlockNode) {
    const row = this.line.slice(this.nextNonSpace);
    if (!/^[|:-][|:\- \t]*$/.test(row)) return false;
    const alignments = tableCells(row);
    const header = paragraph.lines.at(-1)!;
    if (!header.includes('|') || alignments.some((cell) => !TABLE_ALIGNMENT.test(cell)) || tableCells(header).length != alignments.length) return false;
    this.closeUnmatched();
    paragraph.lines.pop();
    this.finalize(paragraph, this.lineNumber - 2);
    this.addChild('table').lines.push(header);
    return true;
  }

  /** A list item: a bullet (`-`, `*`, `+`) or a number (`1.`, `1)`), then a space or the line's end. */
  private startListItem(container: BlockNode) {
    const {line} = this;
    const start = this.nextNonSpace;
    if (this.indented) return false;
    let marker = line[start];
    let ordered = false;
    let number = 1;
    let width = 1;
    if (marker != '-' && marker != '*' && marker != '+') {
      ORDERED_MARKER.lastIndex = start;
      const match = ORDERED_MARKER.exec(line);
      if (!match) return false;
      [ordered, number, marker, width] = [true, +match[1], match[2], match[0].length];
    }
    const after = start + width;
    if (after < line.length && line[after] != ' ') return false;
    let content = after;
    while (line[content] == ' ') content++;
    const blankItem = content >= line.length;
    // An item may interrupt a paragraph only if it has text, and (ordered) starts at 1.
    if (container.kind == 'paragraph' && (blankItem || (ordered && number != 1))) return false;
    const spaces = content - after;
    const padding = blankItem || spaces > 4 ? 1 : spaces; // 5 spaces or more: the item holds indented code
    this.position = after + Math.min(padding, spaces);
    this.closeUnmatched();
    const list = this.tip;
    if (list.kind != 'list' || list.ordered != ordered || list.marker != marker) {
      const started = this.addChild('list');
      [started.ordered, started.marker, started.start] = [ordered, marker, number];
    }
    this.addChild('item').contentIndent = this.indent + width + padding;
    return true;
  }

  /** Closes the blocks the line did not continue (unless it is their lazy continuation). */
  private closeUnmatched() {
    if (this.allClosed) return;
    while (this.oldTip != this.lastMatched) {
      const parent = this.oldTip.parent!;
      this.finalize(this.oldTip, this.lineNumber - 1);
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  /** Opens a block of `kind` in the tip, closing blocks that cannot hold it (a list holds only items; leaves hold nothing). */
  private addChild(kind: Kind) {
    const holds = (parent: BlockNode) =>
      parent.kind == 'list' ? kind == 'item' : ['document', 'quote', 'item'].includes(parent.kind) && kind != 'item';
    while (!holds(this.tip)) this.finalize(this.tip, this.lineNumber - 1);
    const node = new BlockNode(kind, this.tip);
    node.startLine = this.lineNumber;
    this.tip.children.push(node);
    this.tip = node;
    return node;
  }

  /** Closes `node`, whose last line is `endLine`. */
  private finalize(node: BlockNode, endLine: number) {
    node.open = false;
    node.endLine = node.children.at(-1)?.endLine ?? endLine;
    this.tip = node.parent!;
    if (node.kind == 'paragraph') {
      this.takeReferences(node);
      if (!node.lines.length) node.parent!.children.pop();
    } else if (node.kind == 'code' && !node.fence) {
      while (node.lines.length && !node.lines.at(-1)!.trim()) node.lines.pop();
    } else if (node.kind == 'list') {
      // Loose if a blank line separates two of its items, or two blocks of an item.
      const gap = (block: BlockNode, next?: BlockNode) => next && next.startLine > block.endLine + 1;
      node.tight = node.children.every(
        (item, index) => !gap(item, node.children[index + 1]) && item.children.every((child, at) => !gap(child, item.children[at + 1]))
      );
    }
  }

  /** Takes the reference definitions at the start of a paragraph out of its text, into `references`. */
  private takeReferences(paragraph: BlockNode) {
    const text = paragraph.lines.join('\n');
    let position = 0;
    for (let end; text[position] == '[' && (end = this.definition(text, position)); ) position = end;
    if (position) paragraph.lines = text.slice(position) ? [text.slice(position)] : [];
  }

  /** The definition `[label]: destination "title"` at `start`: the index after its line, or 0 if there is none. */
  private definition(text: string, start: number) {
    const scan = new LinkSyntax(text);
    const label = scan.label(start);
    if (!label || text[label.end] != ':' || !/\S/.test(label.value)) return 0;
    const at = scan.spaces(label.end + 1);
    const destination = scan.destination(at);
    if (!destination || (!destination.value && text[at] != '<')) return 0;
    /** The index after the line's end, if only spaces lie before it from `index`; else -1. */
    const lineEnd = (index: number) => {
      while (text[index] == ' ' || text[index] == '\t') index++;
      return index >= text.length ? index : text[index] == '\n' ? index + 1 : -1;
    };
    const titleStart = scan.spaces(destination.end);
    const title = titleStart > destination.end ? scan.title(titleStart) : undefined;
    // A title must end its line; if it does not, the definition may still end after the destination.
    const titleEnd = title ? lineEnd(title.end) : -1;
    const end = titleEnd >= 0 ? titleEnd : lineEnd(destination.end);
    if (end < 0) return 0;
    const key = normalizeLabel(label.value);
    if (!this.references.has(key)) this.references.set(key, {href: destination.value, title: titleEnd >= 0 ? title!.value : ''});
    return end;
  }

  private blocks(node: BlockNode, inline: InlineParser): Block[] {
    return node.children.map((child) => this.block(child, inline));
  }

  private block(node: BlockNode, inline: InlineParser): Block {
    const text = () => inline.parse(node.lines.join('\n').trim());
    switch (node.kind) {
      case 'heading':
        return {type: 'heading', depth: node.depth, content: text()};
      case 'code':
        return {type: 'code', text: node.lines.join('\n')};
      case 'rule':
        return {type: 'rule'};
      case 'quote':
        return {type: 'quote', blocks: this.blocks(node, inline)};
      case 'list':
        return {type: 'list', ordered: node.ordered, start: node.start, tight: node.tight, items: node.children.map((item) => this.blocks(item, inline))};
      case 'table': {
        const [header, ...rows] = node.lines.map(tableCells);
        const cells = (row: string[]): Inline[][] => header.map((_, index) => inline.parse(row[index] ?? ''));
        return {type: 'table', head: cells(header), rows: rows.map(cells)};
      }
      default:
        return {type: 'paragraph', content: text()};
    }
  }
}
