import {css} from 'lit';

/**
 * The reset every shadow root of the widget starts with, and the round icon button: all the
 * closed widget needs (the root's launcher and live region), so the page start carries no more.
 * Nothing moves, so reduced motion holds.
 */
export const base = css`
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
`;
