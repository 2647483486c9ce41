import {css} from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex: 1;
    min-height: 0;
  }
  [part='messages'] {
    position: relative;
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 12px;
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
  }
  p,
  ul,
  ol,
  pre,
  fieldset {
    margin: 0;
  }
  .older,
  .note {
    align-self: center;
  }
  .g {
    display: flex;
    gap: 8px;
  }
  .own {
    flex-direction: row-reverse;
  }
  .av {
    flex: none;
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    overflow: hidden;
    border-radius: 50%;
    background: var(--akece-color-accent);
    color: var(--akece-color-on-accent);
    font-size: 13px;
  }
  .c,
  .card,
  fieldset {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 6px;
    min-width: 0;
  }
  .c {
    max-width: 85%;
  }
  .own .c {
    align-items: flex-end;
  }
  .meta,
  .note,
  .typing,
  small {
    font-size: 12px;
    color: var(--akece-color-muted);
  }
  .b {
    max-width: 100%;
    padding: 8px 12px;
    border-radius: var(--akece-radius);
    background: var(--akece-message-background);
    overflow-wrap: anywhere;
  }
  .own .b {
    background: var(--akece-message-own-background);
    color: var(--akece-message-own-color);
  }
  .b small {
    display: block;
    color: inherit;
  }
  .own .failed {
    border: 1px solid var(--akece-color-danger);
    background: var(--akece-message-background);
    color: var(--akece-color-danger);
  }
  .retry {
    padding: 0;
    border: 0;
    background: none;
    text-decoration: underline;
  }
  .b a {
    color: inherit;
  }
  .txt > * + * {
    margin-top: 6px;
  }
  ul,
  ol {
    padding-inline-start: 20px;
  }
  pre {
    padding: 8px;
    overflow-x: auto;
    background: rgb(127 127 127 / 0.15);
  }
  code {
    font: 0.9em ui-monospace, monospace;
  }
  img,
  audio,
  video,
  .file,
  .opts,
  .f {
    display: block;
    max-width: 100%;
    margin-top: 6px;
    border-radius: 8px;
  }
  img {
    max-height: 200px;
  }
  .av img {
    width: 100%;
    height: 100%;
    margin: 0;
    object-fit: cover;
  }
  .opts,
  .f,
  .rate {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  input,
  textarea {
    flex: 1;
    min-width: 0;
    padding: 6px 10px;
    border: 1px solid var(--akece-color-muted);
    border-radius: 8px;
    background: var(--akece-color-surface);
    font-size: 16px;
  }
  fieldset {
    padding: 0;
    border: 0;
  }
  .rate label {
    padding: 2px 4px;
    border-radius: 8px;
    font-size: 24px;
  }
  .rate label:has(:checked) {
    box-shadow: 0 0 0 2px var(--akece-color-accent);
  }
  .rate label:has(:focus-visible) {
    outline: 2px solid var(--akece-color-focus);
  }
  .star label {
    color: var(--akece-color-muted);
  }
  .star label:has(:checked),
  .star label:has(~ label :checked) {
    color: #d97706;
  }
  .card {
    margin-top: 6px;
    padding: 8px;
    border-radius: 8px;
    border: 1px solid var(--akece-color-border);
    background: var(--akece-color-surface);
  }
  .dots i {
    display: inline-block;
    width: 6px;
    height: 6px;
    margin-inline-end: 3px;
    border-radius: 50%;
    background: currentColor;
  }
  @media (prefers-reduced-motion: no-preference) {
    .dots i {
      animation: blink 1.2s infinite;
    }
    .dots i + i {
      animation-delay: 0.3s;
    }
  }
  @keyframes blink {
    50% {
      opacity: 0.3;
    }
  }
`;
