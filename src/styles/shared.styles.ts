import {css} from 'lit';

/**
 * The whole layer's CSS in one sheet, adopted by every shadow root (the root, the message list
 * and the composer): rules shared between pieces are written once, and one sheet is parsed
 * once. Selectors are the pieces' own classes, so a rule meant for one piece has nothing to
 * match in another; each part also carries a one-letter class, shorter to select than the
 * part (`.l` launcher, `.u` unread badge, `.p` panel, `.h` header, `.e` error, `.m` messages,
 * `.c` composer, `.s` send button; `.n` is the connection banner). Colours come from `tokens` (`--_a` accent, `--_s` surface, the
 * text colour by inheritance); `#8882` is a grey wash that reads on both themes' surfaces and
 * `#6b7280` a border grey with 3:1 against both. Nothing moves, so reduced motion holds.
 * The left corner (`:host([position=left])`) and phone safe areas are the root's rules.
 */
export const shared = css`
  :host,
  .p,
  .m,
  .card,
  fieldset {
    display: flex;
    flex-direction: column;
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  /* the message list's rows: wrappers only, their content lays out in the log */
  .r {
    display: contents;
  }
  /* read out, not shown: a 1 px box, so long text never adds to the page's scroll area */
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
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
  :disabled {
    opacity: 0.7;
  }
  /* Rings and button borders take the text colour, which reads on the surface and on the
     accent whatever accent the page picks. The launcher's ring is drawn inside it, on the
     accent, where its colour is known: around it is the page, whose colour is not. */
  :focus-visible {
    outline: 2px solid;
    outline-offset: 2px;
  }
  .l:focus-visible {
    outline-offset: -6px;
  }
  svg {
    width: 24px;
    height: 24px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
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
    padding: 6px 12px;
    border: 1px solid;
    border-radius: 18px;
    background: none;
    text-decoration: none;
  }
  .ib,
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
  .l,
  .float {
    position: fixed;
    z-index: var(--akece-z-index, 2147483000);
    bottom: var(--_y);
    inset-inline-end: var(--akece-offset-inline);
    box-shadow: 0 4px 24px #0004;
  }
  .l {
    width: 56px;
    height: 56px;
  }
  .h,
  .l,
  .s,
  .on,
  .b.own {
    background: var(--_a);
    color: var(--_o);
  }
  .u {
    position: absolute;
    top: -4px;
    inset-inline-end: -4px;
    min-width: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: #dc2626;
    font: 700 12px/22px sans-serif;
  }
  .p {
    overflow: hidden;
    background: var(--_s);
  }
  .inline {
    height: 100%;
  }
  .float {
    bottom: calc(var(--_y) + 68px);
    width: min(var(--akece-panel-width, 380px), 100vw - 2 * var(--akece-offset-inline));
    height: min(var(--akece-panel-height), 100vh - var(--_y) - 100px);
    border-radius: var(--_r);
  }
  @media (max-width: 480px) {
    .float {
      inset: 0;
      width: auto;
      height: auto;
      border-radius: 0;
    }
  }
  .h {
    display: flex;
    justify-content: space-between;
    padding: 12px 16px;
  }
  h2 {
    font-size: 17px;
  }
  .h p,
  .n,
  .e,
  .meta,
  .note,
  small {
    font-size: 13px;
  }
  .av {
    display: inline-grid;
    place-items: center;
    width: 24px;
    height: 24px;
    margin-inline-end: 6px;
    overflow: hidden;
    border-radius: 50%;
    background: var(--_a);
    color: var(--_o);
    vertical-align: middle;
  }
  .av img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  /* the availability line: a dot, green when online */
  .h p + p:before {
    content: '● ';
  }
  .online:before {
    color: #4ade80;
  }
  .n,
  .e,
  .b {
    padding: 8px 12px;
  }
  .n,
  .b,
  pre {
    background: #8882;
  }
  .n:empty {
    display: none;
  }
  .e {
    margin: 8px 12px 0;
    border: 2px solid #dc2626;
    border-radius: 8px;
  }
  .m {
    position: relative;
    flex: 1;
    align-items: flex-start;
    gap: 8px;
    padding: 12px;
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
    /* long words and names wrap instead of scrolling the log sideways */
    overflow-wrap: anywhere;
  }
  .card,
  fieldset {
    align-items: flex-start;
    gap: 8px;
    min-width: 0;
  }
  .older,
  .note {
    align-self: center;
  }
  .f,
  .opts,
  .c {
    display: flex;
    gap: 8px;
  }
  .f,
  .opts {
    flex-wrap: wrap;
  }
  .own {
    align-self: flex-end;
  }
  .b {
    max-width: 85%;
    border-radius: var(--_r);
  }
  .b > * + * {
    margin-top: 8px;
  }
  small,
  img,
  audio,
  video,
  .b > a {
    display: block;
    max-width: 100%;
  }
  .b a {
    color: inherit;
  }
  pre {
    padding: 8px;
    overflow-x: auto;
  }
  img {
    max-height: 200px;
    border-radius: 8px;
  }
  input,
  textarea {
    flex: 1;
    min-width: 0;
    padding: 8px 12px;
    border-radius: 8px;
    background: none;
    /* 16px at least, so mobile browsers do not zoom in on focus */
    font-size: max(16px,1em);
  }
  .c {
    align-items: flex-end;
    padding: 8px;
    border-top: 1px solid #6b7280;
  }
  textarea {
    max-height: 9em;
    resize: none;
  }
  .card {
    padding: 8px;
    border-radius: 8px;
  }
  .card,
  input,
  textarea {
    border: 1px solid #6b7280;
  }
`;
