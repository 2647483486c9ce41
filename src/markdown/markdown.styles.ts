// Styles for rendered messages (plain text and Markdown), for the message list's shadow root
// (the list's styles include `markdownStyles`). Plain elements and class names only.
import {css} from 'lit';

export const markdownStyles = css`
  /* plain text: one text node whose line breaks and spaces show as typed */
  .plain {
    white-space: pre-wrap;
  }
  /* a long text's pieces, each its own block (Chromium lays out a huge paragraph slowly) */
  .plain > span {
    display: block;
  }
  /* a long message's pieces and blocks are laid out only when scrolled into view (laying out
     75,000 lines at once takes seconds); their last size is remembered */
  .long > * {
    content-visibility: auto;
    contain-intrinsic-size: auto 600px;
  }
  /* Markdown: a paragraph's line breaks are newlines in its text (breaks: true) */
  .md :is(p, li, th, td, h1, h2, h3, h4, h5, h6) {
    white-space: pre-line;
  }
  .md > * + *,
  .md blockquote > * + *,
  .md li > p + * {
    margin-top: 8px;
  }
  .md :is(h1, h2, h3, h4, h5, h6) {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
  }
  .md h1 {
    font-size: 1.25em;
  }
  .md h2 {
    font-size: 1.125em;
  }
  .md :is(ul, ol) {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .md blockquote {
    margin: 0;
    padding-inline-start: 10px;
    border-inline-start: 3px solid currentColor;
    opacity: 0.85;
  }
  .md code {
    padding: 0 3px;
    border-radius: 4px;
    background: #8882;
    font-size: 0.9em;
  }
  .md pre {
    margin: 0;
    padding: 8px;
    overflow-x: auto;
    border-radius: 6px;
    white-space: pre;
  }
  .md pre code {
    padding: 0;
    background: none;
  }
  .md hr {
    border: 0;
    border-top: 1px solid currentColor;
    opacity: 0.4;
  }
  .md .table {
    max-width: 100%;
    overflow-x: auto;
  }
  .md table {
    border-collapse: collapse;
  }
  .md :is(th, td) {
    padding: 2px 6px;
    border: 1px solid #8886;
    text-align: start;
  }
`;
