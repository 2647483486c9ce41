// The parts of a link that inline links (`[text](url "title")`) and reference definitions
// (`[label]: url "title"`) share: label, destination and title, as CommonMark defines them.
// Each scan goes forward only and stops at `end` (the caller's bound), so a scan costs at most
// the characters it may look at; `reach` records how far scans looked, for the caller's work budget.
import {decodeReference, REFERENCE_AT} from './entities.js';

/** ASCII punctuation: what a backslash escapes. */
export const ESCAPABLE = /[!-/:-@[-`{-~]/;
/** A backslash escape or a character reference, for `unescape`. */
const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;
/** Parentheses nested deeper than this in a bare destination end the scan (CommonMark's implementations cap it too). */
const MAX_PAREN_DEPTH = 32;
/** A label is at most this long (CommonMark). */
export const MAX_LABEL = 999;

/** `text` with its backslash escapes and character references resolved (a destination's or a title's). */
export const unescape = (text: string) =>
  text.replace(ESCAPE_OR_REFERENCE, (whole, escaped?: string) => {
    if (escaped) return escaped;
    REFERENCE_AT.lastIndex = 0;
    return decodeReference(REFERENCE_AT.exec(whole)!);
  });

/** A label as references are matched: case-folded, inner whitespace collapsed. */
export const normalizeLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();

/** What a scan found: its value and the index after it. */
export interface Scanned {
  value: string;
  end: number;
}

export class LinkSyntax {
  /** The furthest index any scan has looked at. */
  reach = 0;

  constructor(
    private readonly src: string,
    /** Scans never look at or past this index. */
    readonly end = src.length
  ) {}

  private at(index: number) {
    if (index > this.reach) this.reach = index;
    return index < this.end ? this.src[index] : '';
  }

  /** The index after spaces and tabs from `index`, with at most one line break among them. */
  spaces(index: number) {
    let newlines = 0;
    for (let char; (char = this.at(index)) == ' ' || char == '\t' || (char == '\n' && ++newlines < 2); ) index++;
    return index;
  }

  /** A bracketed label from `index` (at `[`): its text up to the first unescaped `]`, without `[` inside. */
  label(index: number): Scanned | undefined {
    if (this.at(index) != '[') return undefined;
    for (let cursor = index + 1; cursor - index <= MAX_LABEL + 1; cursor++) {
      const char = this.at(cursor);
      if (char == '\\') cursor++;
      else if (char == '[' || !char) return undefined;
      else if (char == ']') return {value: this.src.slice(index + 1, cursor), end: cursor + 1};
    }
    return undefined;
  }

  /**
   * A destination from `index`: `<…>` (no line break, no unescaped `<`), or a run without spaces
   * or control characters whose parentheses balance. Its escapes and references are resolved.
   */
  destination(index: number): Scanned | undefined {
    if (this.at(index) == '<') {
      for (let cursor = index + 1; ; cursor++) {
        const char = this.at(cursor);
        if (char == '\\' && ESCAPABLE.test(this.at(cursor + 1))) cursor++;
        else if (char == '>') return {value: unescape(this.src.slice(index + 1, cursor)), end: cursor + 1};
        else if (!char || char == '<' || char == '\n') return undefined;
      }
    }
    let depth = 0;
    let cursor = index;
    for (let char; (char = this.at(cursor)) && char > ' ' && char != '\x7f'; cursor++) {
      if (char == '\\' && ESCAPABLE.test(this.at(cursor + 1))) cursor++;
      else if (char == '(' && ++depth > MAX_PAREN_DEPTH) return undefined;
      else if (char == ')' && --depth < 0) break;
    }
    return depth > 0 ? undefined : {value: unescape(this.src.slice(index, cursor)), end: cursor};
  }

  /**
   * A title from `index`: `"…"`, `'…'` or `(…)`. Its escapes and references are resolved. (It
   * cannot hold a blank line: scans run inside one paragraph's text, which has none.)
   */
  title(index: number): Scanned | undefined {
    const open = this.at(index);
    const close = open == '(' ? ')' : open;
    if (close != '"' && close != "'" && close != ')') return undefined;
    for (let cursor = index + 1; ; cursor++) {
      const char = this.at(cursor);
      if (char == '\\' && ESCAPABLE.test(this.at(cursor + 1))) cursor++;
      else if (char == close) return {value: unescape(this.src.slice(index + 1, cursor)), end: cursor + 1};
      else if (!char || (open == '(' && char == '(')) return undefined;
    }
  }
}
