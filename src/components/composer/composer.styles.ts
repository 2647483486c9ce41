import {css} from 'lit';

export const styles = css`
  [part='composer'] {
    display: flex;
    align-items: flex-end;
    gap: 4px;
    padding: 8px;
    border-top: 1px solid var(--akece-color-border);
  }
  textarea {
    flex: 1;
    min-width: 0;
    /* 16px at least, so mobile browsers do not zoom in on focus */
    font-size: max(16px, 1em);
    line-height: 1.4;
    max-height: calc(7em + 18px);
    padding: 8px 10px;
    border: 1px solid var(--akece-color-muted);
    border-radius: 8px;
    background: var(--akece-color-surface);
    resize: none;
  }
  [part='send-button'] {
    background: var(--akece-color-accent);
    color: var(--akece-color-on-accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
`;
