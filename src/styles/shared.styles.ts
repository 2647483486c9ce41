import {css} from 'lit';
import {base} from './base.styles.js';

/**
 * What the shadow roots that hold controls add (the message list, the composer, and the root
 * once its panel opens): a component's column layout, the pill button, text fields. Each
 * component's own look is in its `<name>.styles.ts`.
 */
export const controls = css`
  :host {
    display: flex;
    flex-direction: column;
  }
  /* a rounded, outlined text button: options, submit, retry, "show older" */
  .pill-button {
    padding: 6px 12px;
    border: 1px solid;
    border-radius: 18px;
    background: none;
    text-decoration: none;
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

/** A component's whole starting sheet. */
export const shared = [base, controls];
