// The inline part of Markdown (within a paragraph, heading or table cell): emphasis, strong,
// strikethrough (`~~`), code spans, links, images, autolinks, backslash escapes, character
// references and line breaks. It follows CommonMark's algorithm: one forward scan that keeps a
// stack of emphasis delimiters and one of link brackets, then matches the delimiters.
//
// Linear time by construction: the scan visits each character once; a code span's closer is
// found through an index of backtick runs by length (no rescanning); emphasis matching keeps,
// for each kind of closer, the lowest point its opener search has reached, as CommonMark's
// reference implementations do; links no longer stack-walk to deactivate brackets (a counter
// does it). What remains is the look-ahead after a `]` (destination, title, label): each look is
// bounded by LINK_WINDOW, and all of them together by LOOKAHEAD_BUDGET per message; past it,
// brackets are text.
import {decodeReference, REFERENCE_AT} from './entities.js';
import {ESCAPABLE, LinkSyntax, MAX_LABEL, normalizeLabel} from './link-syntax.js';
import type {Inline, LinkTarget} from './tokens.js';

/** Characters one look-ahead after a `]` may cover (a link's destination and title fit in it). */
const LINK_WINDOW = 4096;
/** Characters all look-aheads of one message may cover together. */
const LOOKAHEAD_BUDGET = 1_000_000;
/** A run of characters that start nothing: taken as text in one step. */
const PLAIN_RUN = /[^\n\\`*_~[\]!<&]+/y;
/** `<scheme:…>` and `<address@domain>` (CommonMark autolinks). */
const URI_AUTOLINK = /<([A-Za-z][A-Za-z\d+.-]{1,31}:[^<> \p{Cc}]*)>/uy;
const EMAIL_AUTOLINK = /<([\w.!#$%&'*+/=?^`{|}~-]+@[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?(?:\.[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?)*)>/y;
const WHITESPACE = /\s/;
/** Inline elements nested deeper than this are their text. */
const MAX_NESTING = 32;
/** Unicode punctuation, as CommonMark counts it for emphasis (punctuation and symbols). */
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** An element being built. Emphasis, links and images hold a run of pieces; code holds its text. */
type Element =
  | {type: 'strong' | 'em' | 'del'; content: Pieces}
  | {type: 'link' | 'image'; href: string; title: string; content: Pieces}
  | {type: 'code'; text: string};

/** One piece of inline content, text or an element, in a doubly linked list. */
class Piece {
  previous: Piece | null = null;
  next: Piece | null = null;
  constructor(
    /** The text (a delimiter run's remaining markers, for a delimiter's piece); '' for an element. */
    public text: string,
    readonly element?: Element
  ) {}
}

/** A list of pieces: emphasis and links move a run of them into an element in constant time. */
class Pieces {
  first: Piece | null = null;
  last: Piece | null = null;

  append(piece: Piece) {
    this.insertAfter(this.last, piece);
    return piece;
  }

  /** Puts `piece` after `after` (at the start when `after` is null). */
  insertAfter(after: Piece | null, piece: Piece) {
    const next = after ? after.next : this.first;
    piece.previous = after;
    piece.next = next;
    if (after) after.next = piece;
    else this.first = piece;
    if (next) next.previous = piece;
    else this.last = piece;
  }

  remove(piece: Piece) {
    if (piece.previous) piece.previous.next = piece.next;
    else this.first = piece.next;
    if (piece.next) piece.next.previous = piece.previous;
    else this.last = piece.previous;
  }

  /** The pieces after `after` and before `before` (null: to the end), moved out into a list of their own. */
  cut(after: Piece, before: Piece | null) {
    const run = new Pieces();
    const first = after.next;
    const last = before ? before.previous : this.last;
    if (first && first != before) {
      run.first = first;
      run.last = last;
      first.previous = last!.next = null;
      after.next = before;
      if (before) before.previous = after;
      else this.last = after;
    }
    return run;
  }
}

/** A run of `*`, `_` or `~~` that may open or close emphasis, on the delimiter stack. */
interface Delimiter {
  piece: Piece;
  char: string;
  /** Markers of the run not used yet. */
  count: number;
  /** Markers the run had (the "rule of 3" looks at it). */
  length: number;
  canOpen: boolean;
  canClose: boolean;
  previous: Delimiter | null;
  next: Delimiter | null;
}

/** A `[` or `![` waiting for its `]`, on the bracket stack. */
interface Bracket {
  piece: Piece;
  image: boolean;
  /** Where the link text starts in the source. */
  start: number;
  /** The delimiter stack's top when it opened: emphasis inside the link text is above it. */
  delimiters: Delimiter | null;
  previous: Bracket | null;
  /** Its rank among the paragraph's brackets; links may not contain links, so a made link makes all brackets before it inactive. */
  rank: number;
}

/** The character before `index` (a whole surrogate pair), or a newline at the start. */
const characterBefore = (src: string, index: number) => {
  if (index == 0) return '\n';
  const unit = src.charCodeAt(index - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && index > 1 ? src.slice(index - 2, index) : src[index - 1];
};
/** The character at `index` (a whole surrogate pair), or a newline at the end. */
const characterAt = (src: string, index: number) => (index < src.length ? String.fromCodePoint(src.codePointAt(index)!) : '\n');

/**
 * The text of pieces and of everything inside them, without the markers: what an element shows
 * when nested too deep, and an image's alternative text. Without recursion: hostile emphasis can
 * nest thousands of levels deep.
 */
const flatText = (pieces: Pieces) => {
  let text = '';
  const next: Array<Piece | null> = [pieces.first];
  while (next.length) {
    const piece = next.pop();
    if (!piece) continue;
    next.push(piece.next);
    const element = piece.element;
    if (!element) text += piece.text;
    else if (element.type == 'code') text += element.text;
    else next.push(element.content.first); // taken before the piece's next: the text stays in order
  }
  return text;
};

export class InlineParser {
  /** What look-aheads may still cover, over all of this message's parses. */
  private lookahead = LOOKAHEAD_BUDGET;
  private src = '';
  private position = 0;
  private pieces = new Pieces();
  /** The delimiter stack's top. */
  private delimiters: Delimiter | null = null;
  /** The bracket stack's top. */
  private brackets: Bracket | null = null;
  private bracketRank = 0;
  /** Brackets of this rank or lower cannot make links any more (see Bracket.rank). */
  private inactiveUpTo = 0;
  /** The start of every backtick run by its length, built at the first backtick; and how far each list was searched. */
  private backtickRuns: Map<number, number[]> | undefined;
  private backtickSearched = new Map<number, number>();

  constructor(private readonly references: Map<string, LinkTarget>) {}

  /** The inline tokens of `src` (a paragraph's text, without the paragraph's leading and trailing spaces). */
  parse(src: string): Inline[] {
    this.src = src;
    this.position = 0;
    this.pieces = new Pieces();
    this.delimiters = this.brackets = null;
    this.bracketRank = this.inactiveUpTo = 0;
    this.backtickRuns = undefined;
    this.backtickSearched.clear();
    while (this.position < src.length) this.step();
    this.matchEmphasis(null);
    return this.tokens(this.pieces);
  }

  /** Takes what starts at the current position. */
  private step() {
    const {src, position} = this;
    const char = src[position];
    switch (char) {
      case '\n':
        return this.lineBreak();
      case '\\':
        if (src[position + 1] == '\n') {
          this.position++;
          return this.lineBreak();
        }
        return ESCAPABLE.test(src[position + 1] ?? '') ? this.text(src[position + 1], 2) : this.text('\\', 1);
      case '`':
        return this.codeSpan();
      case '*':
      case '_':
      case '~':
        return this.delimiterRun(char);
      case '[':
        return this.openBracket(false);
      case '!':
        return src[position + 1] == '[' ? this.openBracket(true) : this.text('!', 1);
      case ']':
        return this.closeBracket();
      case '<':
        return this.autolink() || this.text('<', 1);
      case '&': {
        REFERENCE_AT.lastIndex = position;
        const reference = REFERENCE_AT.exec(src);
        return reference ? this.text(decodeReference(reference), reference[0].length) : this.text('&', 1);
      }
      default:
        PLAIN_RUN.lastIndex = position;
        return this.text(PLAIN_RUN.exec(src)![0], PLAIN_RUN.lastIndex - position);
    }
  }

  /** Adds `text` as a piece and moves `length` characters on. */
  private text(text: string, length: number) {
    this.position += length;
    return this.pieces.append(new Piece(text));
  }

  /**
   * A line break: hard (two spaces or a backslash before it) or soft, both shown as a break, as
   * the agents' tool does (`breaks: true`). Spaces around it go.
   */
  private lineBreak() {
    const last = this.pieces.last;
    if (last && !last.element) last.text = last.text.trimEnd();
    this.text('\n', 1);
    while (this.src[this.position] == ' ' || this.src[this.position] == '\t') this.position++;
  }

  /** A code span from a run of backticks to the next run of the same length; without one, the run is text. */
  private codeSpan() {
    const {src} = this;
    const start = this.position;
    let end = start;
    while (src[end] == '`') end++;
    const closer = this.backtickRun(end - start, end);
    if (closer === undefined) {
      this.text(src.slice(start, end), end - start);
      return;
    }
    let code = src.slice(end, closer).replace(/\n/g, ' ');
    if (code.length > 1 && code[0] == ' ' && code.at(-1) == ' ' && /[^ ]/.test(code)) code = code.slice(1, -1);
    this.position = closer + end - start;
    this.pieces.append(new Piece('', {type: 'code', text: code}));
  }

  /** Where the first run of exactly `length` backticks at or after `from` starts. */
  private backtickRun(length: number, from: number) {
    if (!this.backtickRuns) {
      this.backtickRuns = new Map();
      for (const run of this.src.matchAll(/`+/g)) {
        const starts = this.backtickRuns.get(run[0].length) ?? [];
        starts.push(run.index);
        this.backtickRuns.set(run[0].length, starts);
      }
    }
    const starts = this.backtickRuns.get(length) ?? [];
    let index = this.backtickSearched.get(length) ?? 0;
    while (index < starts.length && starts[index] < from) index++; // `from` only grows: each start is passed once
    this.backtickSearched.set(length, index);
    return starts[index];
  }

  /**
   * A run of `*`, `_` or `~`: text that may open or close emphasis, depending on what is on
   * each side (CommonMark's left- and right-flanking rules; `_` not inside words). A run of
   * tildes strikes only when it is two long, as the agents' tool has it.
   */
  private delimiterRun(char: string) {
    const {src} = this;
    const start = this.position;
    let end = start;
    while (src[end] == char) end++;
    const piece = this.text(src.slice(start, end), end - start);
    if (char == '~' && end - start != 2) return;
    const before = characterBefore(src, start);
    const after = characterAt(src, end);
    const [spaceBefore, spaceAfter] = [WHITESPACE.test(before), WHITESPACE.test(after)];
    const [punctuationBefore, punctuationAfter] = [PUNCTUATION.test(before), PUNCTUATION.test(after)];
    const leftFlanking = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore);
    const rightFlanking = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter);
    const underscore = char == '_';
    const canOpen = leftFlanking && (!underscore || !rightFlanking || punctuationBefore);
    const canClose = rightFlanking && (!underscore || !leftFlanking || punctuationAfter);
    if (!canOpen && !canClose) return;
    const delimiter: Delimiter = {piece, char, count: end - start, length: end - start, canOpen, canClose, previous: this.delimiters, next: null};
    if (this.delimiters) this.delimiters.next = delimiter;
    this.delimiters = delimiter;
  }

  private openBracket(image: boolean) {
    const piece = this.text(image ? '![' : '[', image ? 2 : 1);
    this.brackets = {piece, image, start: this.position, delimiters: this.delimiters, previous: this.brackets, rank: ++this.bracketRank};
  }

  /** A `]`: closes the innermost bracket as a link or an image if a destination or a known reference follows, else it is text. */
  private closeBracket() {
    const opener = this.brackets;
    const textEnd = this.position;
    this.position++;
    if (!opener) {
      this.text(']', 0);
      return;
    }
    this.brackets = opener.previous;
    const target = opener.image || opener.rank > this.inactiveUpTo ? this.linkTarget(opener.start, textEnd) : undefined;
    if (!target) {
      this.text(']', 0);
      return;
    }
    this.position = target.end;
    this.matchEmphasis(opener.delimiters);
    const content = this.pieces.cut(opener.piece, null);
    this.pieces.insertAfter(opener.piece, new Piece('', {type: opener.image ? 'image' : 'link', href: target.href, title: target.title, content}));
    this.pieces.remove(opener.piece);
    if (!opener.image) this.inactiveUpTo = this.bracketRank;
  }

  /** What follows the `]` at `textEnd`: `(destination "title")`, `[label]`, `[]` or nothing (the text is the label). */
  private linkTarget(textStart: number, textEnd: number): (LinkTarget & {end: number}) | undefined {
    const after = textEnd + 1;
    if (this.lookahead <= 0) return undefined;
    const scan = new LinkSyntax(this.src, Math.min(this.src.length, after + Math.min(LINK_WINDOW, this.lookahead)));
    try {
      if (this.src[after] == '(') {
        const destination = scan.destination(scan.spaces(after + 1));
        if (destination) {
          let end = scan.spaces(destination.end);
          const title = end > destination.end ? scan.title(end) : undefined;
          if (title) end = scan.spaces(title.end);
          if (this.src[end] == ')' && end < scan.end) return {href: destination.value, title: title?.value ?? '', end: end + 1};
        }
      }
      if (!this.references.size) return undefined;
      const label = scan.label(after);
      const full = label && /\S/.test(label.value);
      if (label && !full && label.value) return undefined; // `[text][ ]`: no reference
      if (!full && textEnd - textStart > MAX_LABEL) return undefined;
      const target = this.references.get(normalizeLabel(full ? label.value : this.src.slice(textStart, textEnd)));
      return target && {...target, end: label ? label.end : after};
    } finally {
      this.lookahead -= Math.max(0, scan.reach - after);
    }
  }

  /** `<https://…>` or `<address@domain>`: a link whose text is the address. */
  private autolink() {
    for (const [pattern, prefix] of [[URI_AUTOLINK, ''], [EMAIL_AUTOLINK, 'mailto:']] as const) {
      pattern.lastIndex = this.position;
      const match = pattern.exec(this.src);
      if (!match) continue;
      this.position = pattern.lastIndex;
      const content = new Pieces();
      content.append(new Piece(match[1]));
      return this.pieces.append(new Piece('', {type: 'link', href: prefix + match[1], title: '', content}));
    }
    return undefined;
  }

  /**
   * Matches the delimiters above `bottom` into emphasis (CommonMark's "process emphasis"),
   * then takes them off the stack. For each kind of closer, `openersBottom` remembers where
   * its last fruitless search for an opener stopped, so no search goes over the same stretch twice.
   */
  private matchEmphasis(bottom: Delimiter | null) {
    const openersBottom = new Map<string, Delimiter | null>();
    let closer = this.delimiters;
    while (closer && closer.previous != bottom) closer = closer.previous;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const kind = `${closer.char}${closer.canOpen}${closer.length % 3}`;
      const floor = openersBottom.has(kind) ? openersBottom.get(kind) : bottom;
      let opener = closer.previous;
      while (opener && opener != bottom && opener != floor && !this.matches(opener, closer)) opener = opener.previous;
      if (opener && opener != bottom && opener != floor) {
        closer = this.emphasis(opener, closer);
      } else {
        openersBottom.set(kind, closer.previous);
        const next = closer.next;
        if (!closer.canOpen) this.removeDelimiter(closer);
        closer = next;
      }
    }
    while (this.delimiters != bottom) this.removeDelimiter(this.delimiters!);
  }

  /** Can `opener` open what `closer` closes? (Same marker; and CommonMark's "rule of 3" for runs that can both open and close.) */
  private matches(opener: Delimiter, closer: Delimiter) {
    const both = opener.canClose || closer.canOpen;
    const multipleOfThree = (opener.length + closer.length) % 3 == 0 && (opener.length % 3 != 0 || closer.length % 3 != 0);
    return opener.char == closer.char && opener.canOpen && !(both && multipleOfThree);
  }

  /** Wraps what lies between `opener` and `closer` in emphasis (strong when both have two markers left); returns the closer to go on with. */
  private emphasis(opener: Delimiter, closer: Delimiter) {
    const used = closer.char == '~' || (opener.count >= 2 && closer.count >= 2) ? 2 : 1;
    opener.count -= used;
    closer.count -= used;
    opener.piece.text = opener.piece.text.slice(0, opener.count);
    closer.piece.text = closer.piece.text.slice(0, closer.count);
    const content = this.pieces.cut(opener.piece, closer.piece);
    const type = closer.char == '~' ? 'del' : used == 2 ? 'strong' : 'em';
    this.pieces.insertAfter(opener.piece, new Piece('', {type, content}));
    opener.next = closer; // the delimiters in between are inside the emphasis now: off the stack
    closer.previous = opener;
    if (!opener.count) {
      this.pieces.remove(opener.piece);
      this.removeDelimiter(opener);
    }
    if (closer.count) return closer;
    this.pieces.remove(closer.piece);
    const next = closer.next;
    this.removeDelimiter(closer);
    return next;
  }

  private removeDelimiter(delimiter: Delimiter) {
    if (delimiter.previous) delimiter.previous.next = delimiter.next;
    if (delimiter.next) delimiter.next.previous = delimiter.previous;
    else this.delimiters = delimiter.previous;
  }

  /**
   * The tokens of a list of pieces: consecutive text joined into one string. Elements nested
   * deeper than MAX_NESTING are their text (each level costs a template inside a template and
   * a stack frame, and no message needs that many).
   */
  private tokens(pieces: Pieces, depth = 0): Inline[] {
    const out: Inline[] = [];
    let text = '';
    for (let piece = pieces.first; piece; piece = piece.next) {
      const element = piece.element;
      if (!element) text += piece.text;
      else if (element.type != 'code' && element.type != 'image' && depth >= MAX_NESTING) text += flatText(element.content);
      else {
        if (text) out.push(text);
        text = '';
        if (element.type == 'code') out.push(element);
        else if (element.type == 'image') out.push({type: 'image', href: element.href, title: element.title, alt: flatText(element.content)});
        else if (element.type == 'link') out.push({type: 'link', href: element.href, title: element.title, children: this.tokens(element.content, depth + 1)});
        else out.push({type: element.type, children: this.tokens(element.content, depth + 1)});
      }
    }
    if (text) out.push(text);
    return out;
  }
}
