import {css} from 'lit';

/** The recorder's timer and discard button in the composer's row, and its note. */
export const recorderStyles = css`
  .record-timer {
    align-self: center;
    min-width: 3.5em;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  /* a red dot while recording */
  .record-timer::before {
    content: '● ';
    color: var(--_danger);
  }
  .record-note {
    margin: 8px 8px 0;
    padding: 4px 8px;
    border-inline-start: 3px solid var(--_danger);
    font-size: 13px;
  }
  [part~='record-button'][aria-pressed='true'] {
    color: var(--_danger);
  }
`;
