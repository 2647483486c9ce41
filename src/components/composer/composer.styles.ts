import {css} from 'lit';

/**
 * The composer: a bordered row holding the text field and its buttons.
 *
 * Tokens: `--akece-composer-border-color` (default: the border grey) and
 * `--akece-send-button-background` (default: the accent; its icon black or white, whichever
 * reads on it).
 */
export const composerStyles = css`
  .composer {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    padding: 8px;
    border-top: 1px solid var(--akece-composer-border-color, var(--_border));
  }
  textarea {
    max-height: 9em;
    border-color: var(--akece-composer-border-color, var(--_border));
  }
  .send-button {
    --_send-background: var(--akece-send-button-background, var(--_accent));
    background: var(--_send-background);
    color: lch(from var(--_send-background) calc((49.5 - l) * infinity) 0 0);
  }
`;
