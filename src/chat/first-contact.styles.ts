import {css} from 'lit';

/** What the panel shows in place of (or above) the composer before the chat can start (contract §11). */
export const firstContactStyles = css`
  .entry-notice {
    margin: 0;
    padding: 8px 12px;
    border-top: 1px solid var(--_border);
    background: var(--_wash);
    font-size: 13px;
  }
  .identity-required {
    padding: 16px 12px;
    font-size: 15px;
    text-align: center;
  }
  akece-pre-chat-form {
    flex: 0 1 auto;
    min-height: 0;
    overflow-y: auto;
    border-top: 1px solid var(--_border);
  }
`;
