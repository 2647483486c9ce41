import {css} from 'lit';

/** The conversation list, the confirmation before ending and the ended state, in the root's shadow root. */
export const conversationStyles = css`
  .conversations {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 12px;
    overflow-y: auto;
  }
  /* the back arrow points back in right-to-left languages too */
  [dir='rtl'] .back-button svg {
    transform: scaleX(-1);
  }
  .list-title {
    font-size: 15px;
  }
  .conversation-list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .conversation-item {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 2px;
    width: 100%;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: none;
    text-align: start;
  }
  .conversation-item:hover {
    background: var(--_wash);
  }
  .item-line {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    font-size: 12px;
  }
  .item-status.open {
    font-weight: 600;
  }
  .item-preview {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    padding-inline-end: 28px;
  }
  .item-preview.unread {
    font-weight: 600;
  }
  .item-unread {
    position: absolute;
    inset-inline-end: 10px;
    bottom: 10px;
    min-width: 20px;
    padding: 0 6px;
    border-radius: 10px;
    background: var(--_danger);
    color: #fff;
    font-size: 12px;
    text-align: center;
  }
  .list-empty {
    color: inherit;
  }
  .new-conversation {
    align-self: center;
  }
  .confirm-end,
  .ended {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 8px 12px;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_wash);
  }
  .confirm-title {
    font-weight: 600;
  }
  .confirm-buttons {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
  .ended {
    align-items: center;
    text-align: center;
  }
`;
