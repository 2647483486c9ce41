import {css} from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
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
  p {
    margin: 0;
  }
  .older {
    align-self: center;
  }
  .g {
    display: flex;
    align-items: flex-start;
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
    font-weight: 600;
  }
  .av img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .c {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
    min-width: 0;
    max-width: 85%;
  }
  .own .c {
    align-items: flex-end;
  }
  .meta,
  .note,
  .typing {
    font-size: 12px;
    color: var(--akece-color-muted);
  }
  .note {
    align-self: center;
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
  .own .failed {
    border: 1px solid var(--akece-color-danger);
    background: var(--akece-message-background);
    color: var(--akece-color-text);
  }
  .failed small {
    color: var(--akece-color-danger);
  }
  small {
    display: block;
    margin-top: 4px;
    font-size: 12px;
  }
  .retry {
    padding: 0;
    border: 0;
    background: none;
    font-weight: 600;
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
    margin: 0;
    padding-inline-start: 20px;
  }
  pre {
    margin: 0;
    padding: 8px;
    overflow-x: auto;
    border-radius: 6px;
    background: rgb(127 127 127 / 0.15);
  }
  code {
    font: 0.9em ui-monospace, monospace;
  }
  img,
  audio,
  video {
    display: block;
    max-width: 100%;
    margin-top: 6px;
    border-radius: 8px;
  }
  .b > a > img {
    max-height: 200px;
  }
  .file {
    display: block;
    margin-top: 6px;
  }
  .opts,
  .f {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 8px;
  }
  input,
  textarea {
    flex: 1;
    min-width: 0;
    padding: 6px 10px;
    border: 1px solid var(--akece-color-muted);
    border-radius: 8px;
    background: var(--akece-color-surface);
    color: var(--akece-color-text);
    font-size: 16px;
  }
  fieldset {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 6px;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  .rate {
    display: flex;
    gap: 4px;
  }
  .rate label {
    padding: 2px 4px;
    border-radius: 8px;
    font-size: 24px;
    line-height: 1.2;
    cursor: pointer;
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
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 6px;
    margin-top: 8px;
    padding: 8px;
    border: 1px solid var(--akece-color-border);
    border-radius: 8px;
    background: var(--akece-color-surface);
  }
  .typing {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .dots {
    display: inline-flex;
    gap: 3px;
  }
  .dots i {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
  }
  @media (prefers-reduced-motion: no-preference) {
    .dots i {
      animation: blink 1.2s infinite;
    }
    .dots i:nth-child(2) {
      animation-delay: 0.2s;
    }
    .dots i:nth-child(3) {
      animation-delay: 0.4s;
    }
  }
  @keyframes blink {
    50% {
      opacity: 0.3;
    }
  }
`;
