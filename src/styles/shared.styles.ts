import {css} from 'lit';

/**
 * The reset every shadow root of the widget starts with (the root, the message list and the
 * composer), and the two button shapes more than one component uses. Each component's own
 * look is in its `<name>.styles.ts`. Nothing moves, so reduced motion holds.
 */
export const shared = css`
  :host {
    display: flex;
    flex-direction: column;
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
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
     accent whatever accent the page picks. */
  :focus-visible {
    outline: 2px solid;
    outline-offset: 2px;
  }
  svg {
    width: 24px;
    height: 24px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }
  h2,
  h3,
  h4,
  p,
  ol,
  ul,
  pre,
  blockquote,
  fieldset {
    margin: 0;
  }
  /* a rounded, outlined text button: options, submit, retry, "show older" */
  .pill-button {
    padding: 6px 12px;
    border: 1px solid;
    border-radius: 18px;
    background: none;
    text-decoration: none;
  }
  /* a round 40 px button holding one icon */
  .icon-button {
    display: grid;
    place-items: center;
    flex: none;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: none;
  }
  input,
  textarea {
    flex: 1;
    min-width: 0;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: none;
    /* 16px at least, so mobile browsers do not zoom in on focus */
    font-size: max(16px, 1em);
  }
  textarea {
    resize: none;
  }
`;
