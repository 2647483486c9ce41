// The tokens our Markdown parser makes and MarkdownRenderer (markdown.ts) turns into Lit
// templates. Plain data, no HTML: text is text (escapes and character references already
// resolved, line breaks as '\n'), and a link's URL is as the agent wrote it, checked by
// `safeUrl` only when rendered.

/** Inline content: text, or an element holding more of it. */
export type Inline =
  | string
  | {type: 'strong' | 'em' | 'del'; children: Inline[]}
  | {type: 'code'; text: string}
  | {type: 'link'; href: string; title: string; children: Inline[]}
  | {type: 'image'; href: string; title: string; alt: string};

/** Block content: what a message, a quote or a list item is made of. */
export type Block =
  | {type: 'paragraph'; content: Inline[]}
  | {type: 'heading'; depth: number; content: Inline[]}
  | {type: 'code'; text: string}
  | {type: 'rule'}
  | {type: 'quote'; blocks: Block[]}
  /** `tight`: no blank line between its items, whose paragraphs then show without a gap (as CommonMark says). */
  | {type: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][]}
  | {type: 'table'; head: Inline[][]; rows: Inline[][][]};

/** Where a reference definition (`[label]: url "title"`) points. */
export interface LinkTarget {
  href: string;
  title: string;
}
