import {css} from 'lit';

/**
 * A message bubble and everything inside it: Markdown (paragraphs, lists, quotes, headings,
 * code), media, the failed/pending line, and the bot forms (options, email, the rating survey),
 * cards and articles.
 *
 * Tokens: `--akece-message-own-background` (default: the accent; its text black or white,
 * whichever reads on it), `--akece-message-background` (default: a grey wash) and
 * `--akece-message-radius` (default: `--akece-radius`).
 */
export const messageStyles = css`
  .bubble {
    max-width: 85%;
    padding: 8px 12px;
    border-radius: var(--akece-message-radius, var(--_radius));
    background: var(--akece-message-background, var(--_wash));
  }
  .bubble.own {
    --_own-background: var(--akece-message-own-background, var(--_accent));
    background: var(--_own-background);
    color: lch(from var(--_own-background) calc((49.5 - l) * infinity) 0 0);
  }
  /* a bubble holding a form or cards takes the width it needs, up to the whole log */
  .bubble:has(form, .card) {
    max-width: 100%;
  }
  .bubble > * + *,
  .bubble li > * + * {
    margin-top: 8px;
  }
  .bubble small,
  .bubble img,
  .bubble audio,
  .bubble video,
  .bubble > a {
    display: block;
    max-width: 100%;
  }
  .bubble small {
    font-size: 13px;
  }
  .bubble a {
    color: inherit;
  }
  .bubble img {
    max-height: 200px;
    border-radius: 8px;
  }

  /* Markdown: calm, small, inside the bubble's width */
  .bubble ul,
  .bubble ol {
    padding-inline-start: 1.4em;
  }
  .bubble li + li {
    margin-top: 2px;
  }
  .bubble h1,
  .bubble h2,
  .bubble h3,
  .bubble h4,
  .bubble h5,
  .bubble h6 {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
    line-height: 1.3;
  }
  .bubble h1,
  .bubble h2 {
    font-size: 1.1em;
  }
  .bubble blockquote {
    padding-inline-start: 10px;
    border-inline-start: 3px solid currentColor;
    opacity: 0.85;
  }
  .bubble code {
    padding: 0 3px;
    border-radius: 4px;
    background: var(--_wash);
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .bubble pre {
    max-width: 100%;
    padding: 8px;
    overflow-x: auto;
    border-radius: 8px;
    background: var(--_wash);
    /* code keeps its lines: it scrolls sideways instead of wrapping */
    overflow-wrap: normal;
    white-space: pre;
  }
  .bubble pre code {
    padding: 0;
    background: none;
  }
  .bubble hr {
    border: 0;
    border-top: 1px solid currentColor;
    opacity: 0.4;
  }

  /* bot options */
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chosen {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  /* bot forms: email and the rating survey */
  .bot-form,
  .bot-form fieldset {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 8px;
    min-width: 0;
    padding: 0;
    border: 0;
  }
  .bot-form legend {
    padding: 0;
    margin-bottom: 8px;
    font-weight: 600;
  }
  .bot-form .pill-button {
    align-self: flex-start;
  }
  .rating {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  /* each choice is a 44 px target; its radio is read and focused, the label is what shows */
  .rating-choice {
    position: relative;
    display: grid;
    place-items: center;
    min-width: 44px;
    min-height: 44px;
    border: 1px solid transparent;
    border-radius: 50%;
    font-size: 26px;
    line-height: 1;
    cursor: pointer;
  }
  .rating-choice input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .rating-choice:hover {
    background: var(--_wash);
  }
  .rating-choice:has(:focus-visible) {
    outline: 2px solid;
    outline-offset: 1px;
  }
  .rating-choice:has(:checked) {
    border-color: currentColor;
    background: var(--_wash);
  }
  /* emoji: the unchosen ones fade once one is chosen */
  .rating.emoji:has(:checked) .rating-choice:not(:has(:checked)) {
    opacity: 0.55;
  }
  /* stars: outlined, filled up to the chosen one */
  .rating.star .rating-choice {
    color: var(--_border);
  }
  .rating.star .rating-choice:has(:checked),
  .rating.star .rating-choice:has(~ .rating-choice :checked) {
    border-color: transparent;
    background: none;
    color: inherit;
  }
  /* what was sent, once it was */
  .answer-summary {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .answer-summary strong {
    font-weight: 600;
  }
  .answer-rating {
    font-size: 26px;
    line-height: 1.2;
  }
  .answer-comment {
    font-style: italic;
  }

  /* cards and articles */
  .card {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 8px;
    min-width: 0;
    padding: 8px;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
`;
