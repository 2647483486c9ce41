import {css} from 'lit';

/**
 * The whole layer's CSS in one sheet, adopted by every shadow root (the root, the message list
 * and the composer): rules shared between pieces are written once, and one sheet is parsed
 * once. Selectors are the pieces' own classes and parts, so a rule meant for one piece has
 * nothing to match in another. Colours and sizes come from the private properties that
 * `tokens` sets on the root (`--_a` accent, `--_s` surface…); a small scale of repeated values
 * (8px and 12px spacing, 8px corners, 13px small text) keeps the sheet compressible.
 * Motion is opted into under `prefers-reduced-motion: no-preference`.
 * The left corner (`:host([position=left])`) is the root's own rule, in chat.styles.ts.
 */
export const shared = css`
  :host,
  [part='panel'],
  [part='messages'] {
    display: flex;
    flex-direction: column;
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.7;
  }
  :focus-visible {
    outline: 2px solid var(--_f);
    outline-offset: 2px;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  svg {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  h2,
  p,
  ol,
  ul,
  pre,
  fieldset {
    margin: 0;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    min-height: 36px;
    padding: 6px 12px;
    border: 1px solid var(--_a);
    border-radius: 18px;
    background: var(--_s);
    color: var(--_t);
    text-decoration: none;
  }
  .ib,
  .retry,
  fieldset {
    padding: 0;
    border: 0;
    background: none;
  }
  .ib {
    display: grid;
    place-items: center;
    flex: none;
    width: 40px;
    height: 40px;
    border-radius: 50%;
  }
  .retry {
    text-decoration: underline;
  }
  [part='launcher'],
  .float {
    position: fixed;
    z-index: var(--akece-z-index, 2147483000);
    bottom: var(--_y);
    inset-inline-end: var(--akece-offset-inline);
    box-shadow: var(--akece-shadow, 0 8px 32px rgb(0 0 0 / 0.2));
  }
  [part='launcher'] {
    width: var(--_l);
    height: var(--_l);
  }
  [part='launcher'] svg {
    width: 28px;
    height: 28px;
  }
  .av {
    width: 32px;
    height: 32px;
    overflow: hidden;
  }
  [part='header'],
  [part='launcher'],
  [part='send-button'],
  .btn.on,
  .av {
    background: var(--_a);
    color: var(--_o);
    opacity: 1;
  }
  [part='unread-badge'] {
    position: absolute;
    top: -4px;
    inset-inline-end: -4px;
    min-width: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: var(--akece-badge-background, #dc2626);
    color: #fff;
    font: 700 12px/22px sans-serif;
  }
  [part='panel'] {
    overflow: hidden;
    background: var(--_s);
  }
  .inline {
    height: 100%;
  }
  .float {
    bottom: calc(var(--_y) + var(--_l) + 12px);
    width: min(var(--akece-panel-width, 380px), calc(100vw - 2 * var(--akece-offset-inline)));
    height: min(var(--akece-panel-height), calc(100vh - var(--_y) - var(--_l) - 32px));
    border-radius: var(--akece-radius, 12px);
  }
  @media (max-width: 480px) {
    .float {
      inset: 0;
      width: auto;
      height: auto;
      border-radius: 0;
    }
  }
  [part='header'] {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 8px;
    padding: 12px 16px;
  }
  h2 {
    font-size: 17px;
  }
  [part='header'] p,
  .banner,
  [part='error'],
  .meta,
  .note,
  .typing,
  small {
    font-size: 13px;
  }
  .meta,
  .note,
  .typing,
  small {
    color: var(--_m);
  }
  .dot,
  .dots i {
    display: inline-block;
    width: 8px;
    height: 8px;
    margin-inline-end: 4px;
    border-radius: 50%;
    background: currentColor;
  }
  .dot {
    border: 1px solid #fff;
    background: #9ca3af;
  }
  .online {
    background: #22c55e;
  }
  .banner,
  [part='error'],
  .b {
    padding: 8px 12px;
  }
  .banner {
    background: var(--_mb);
    text-align: center;
  }
  .banner:empty {
    display: none;
  }
  [part='error'] {
    margin: 8px 12px 0;
    border: 1px solid;
    border-radius: 8px;
    color: var(--_e);
  }
  [part='messages'] {
    position: relative;
    flex: 1;
    gap: 12px;
    padding: 12px;
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
  }
  .c,
  .card,
  fieldset {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 8px;
    min-width: 0;
  }
  .older,
  .note {
    align-self: center;
  }
  .g,
  .f,
  .opts,
  .rate,
  [part='composer'] {
    display: flex;
    gap: 8px;
  }
  .f,
  .opts,
  .rate {
    flex-wrap: wrap;
  }
  .own {
    flex-direction: row-reverse;
  }
  .c {
    max-width: 85%;
  }
  .own .c {
    align-items: flex-end;
  }
  .b {
    max-width: 100%;
    border-radius: var(--akece-radius, 12px);
    background: var(--_mb);
    overflow-wrap: anywhere;
  }
  .own .b {
    background: var(--akece-message-own-background, var(--_a));
    color: var(--akece-message-own-color, var(--_o));
  }
  .b small {
    display: block;
    color: inherit;
  }
  .own .failed {
    border: 1px solid;
    background: var(--_mb);
    color: var(--_e);
  }
  .b a {
    color: inherit;
  }
  .txt > * + * {
    margin-top: 8px;
  }
  ol,
  ul {
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
  .file {
    display: block;
  }
  img,
  audio,
  video,
  .file,
  .f,
  .opts,
  .card {
    max-width: 100%;
    margin-top: 8px;
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
  input,
  textarea {
    flex: 1;
    min-width: 0;
    padding: 8px 12px;
    border: 1px solid var(--_m);
    border-radius: 8px;
    background: var(--_s);
    /* 16px at least, so mobile browsers do not zoom in on focus */
    font-size: max(16px, 1em);
  }
  [part='composer'] {
    align-items: flex-end;
    padding: 8px;
    border-top: 1px solid var(--_b);
  }
  [part='composer'] textarea {
    line-height: 1.4;
    max-height: calc(7em + 18px);
    resize: none;
  }
  .rate label {
    padding: 2px 4px;
    border-radius: 8px;
    font-size: 24px;
  }
  .rate label:has(:checked) {
    box-shadow: 0 0 0 2px var(--_a);
  }
  .rate label:has(:focus-visible) {
    outline: 2px solid var(--_f);
  }
  .star label {
    color: var(--_m);
  }
  .star label:has(:checked),
  .star label:has(~ label :checked) {
    color: #d97706;
  }
  .card {
    padding: 8px;
    border: 1px solid var(--_b);
    background: var(--_s);
  }
  @media (prefers-reduced-motion: no-preference) {
    .float {
      animation: rise 0.2s ease-out;
    }
    .dots i {
      animation: blink 1.2s infinite;
    }
    .dots i + i {
      animation-delay: 0.3s;
    }
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @keyframes blink {
    50% {
      opacity: 0.3;
    }
  }
`;
