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
  /* A long form scrolls within most of the panel, and the conversation above it (the greeting) keeps the rest. */
  akece-pre-chat-form {
    flex: 0 1 auto;
    min-height: 0;
    max-height: 65%;
    overflow-y: auto;
    border-top: 1px solid var(--_border);
  }
  /* In place of the composer until the panel knows whether a form or a sign-in comes first: the composer's height, so nothing jumps. */
  .entry-waiting {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 10px;
    min-height: 57px;
    padding: 8px 12px;
    border-top: 1px solid var(--_border);
    font-size: 13px;
    opacity: 0.75;
  }
  .entry-waiting-dots {
    display: inline-flex;
    gap: 4px;
  }
  .entry-waiting-dots span {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
    animation: entry-waiting 1.2s ease-in-out infinite;
  }
  .entry-waiting-dots span:nth-child(2) {
    animation-delay: 0.2s;
  }
  .entry-waiting-dots span:nth-child(3) {
    animation-delay: 0.4s;
  }
  @keyframes entry-waiting {
    0%,
    80%,
    100% {
      opacity: 0.25;
    }
    40% {
      opacity: 1;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .entry-waiting-dots span {
      animation: none;
      opacity: 0.5;
    }
  }
`;
