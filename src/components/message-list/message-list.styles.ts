import {css} from 'lit';

/**
 * The log and what it lays out around the messages: rows, group heads with avatars, day
 * separators, status notes, the "Show older" button and the typing indicator. The bubbles and
 * their content are styled by `message.styles.ts`.
 */
export const messageListStyles = css`
  .log {
    position: relative;
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: 8px;
    padding: 12px;
    overflow-y: auto;
    /* the list keeps the reading position itself (row-window.ts): the browser's own anchoring
       would move the view a second time */
    overflow-anchor: none;
    overscroll-behavior: contain;
    /* long words and names wrap instead of scrolling the log sideways */
    overflow-wrap: anywhere;
  }
  /* a new conversation's invitation to write, in the middle of the empty log */
  .empty-note {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 8px;
    max-width: 28ch;
    margin: auto;
    text-align: center;
    opacity: 0.75;
  }
  .empty-note svg {
    width: 32px;
    height: 32px;
    stroke-width: 1.5;
  }
  .rows,
  .spacer {
    flex: none;
  }
  /* one message with what goes above it; the padding is the gap between messages, so a
     row's measured height is all the room it takes */
  .row {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
    padding-top: 8px;
  }
  .row.own {
    align-items: flex-end;
  }
  .older,
  .status-note,
  .typing-indicator {
    align-self: center;
  }
  .group-head,
  .status-note,
  .typing-indicator,
  .day-separator {
    font-size: 13px;
  }
  .group-head {
    margin-top: 4px;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    width: 24px;
    height: 24px;
    margin-inline-end: 6px;
    overflow: hidden;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    vertical-align: middle;
  }
  .avatar img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  /* a centred label between two hairlines */
  .day-separator {
    display: flex;
    align-items: center;
    align-self: stretch;
    gap: 8px;
    margin-block: 8px 4px;
  }
  .day-separator::before,
  .day-separator::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_wash);
  }
`;
