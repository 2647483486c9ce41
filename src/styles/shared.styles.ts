import {css} from 'lit';

/**
 * Reset, focus ring, visually-hidden text, icons and buttons, shared by every shadow root.
 * Motion is opted into under `prefers-reduced-motion: no-preference` where it is declared.
 */
export const shared = css`
  :host {
    display: block;
  }
  *,
  ::before,
  ::after {
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
  :focus-visible {
    outline: 2px solid var(--akece-color-focus);
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
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-height: 36px;
    padding: 6px 12px;
    border: 1px solid var(--akece-color-accent);
    border-radius: 18px;
    background: var(--akece-color-surface);
    color: var(--akece-color-text);
    text-decoration: none;
  }
  .btn:disabled {
    cursor: default;
    opacity: 0.7;
  }
  .btn.on {
    background: var(--akece-color-accent);
    color: var(--akece-color-on-accent);
    opacity: 1;
  }
  .ib {
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: none;
  }
`;
