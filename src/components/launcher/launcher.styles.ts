import {css} from 'lit';

/**
 * The floating launcher and its unread badge, for the root's shadow root (the launcher is a
 * template function the root renders). Its corner: `:host([position=left])` in the root's
 * styles, mirrored in RTL.
 *
 * Tokens: `--akece-launcher-background` (default: the accent) and
 * `--akece-unread-badge-background` (default: red); the text on each is black or white,
 * whichever reads on it.
 */
export const launcherStyles = css`
  .launcher {
    --_launcher-background: var(--akece-launcher-background, var(--_accent));
    position: fixed;
    z-index: var(--akece-z-index, 2147483000);
    bottom: var(--_offset-bottom);
    inset-inline-end: var(--akece-offset-inline);
    width: 56px;
    height: 56px;
    background: var(--_launcher-background);
    color: lch(from var(--_launcher-background) calc((49.5 - l) * infinity) 0 0);
    box-shadow: 0 4px 24px #0004;
  }
  /* The ring is drawn inside the launcher, on its background, where its colour is known:
     around it is the page, whose colour is not. */
  .launcher:focus-visible {
    outline-offset: -6px;
  }
  .unread-badge {
    --_badge-background: var(--akece-unread-badge-background, var(--_danger));
    position: absolute;
    top: -4px;
    inset-inline-end: -4px;
    min-width: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: var(--_badge-background);
    color: lch(from var(--_badge-background) calc((49.5 - l) * infinity) 0 0);
    font: 700 12px/22px sans-serif;
  }
`;
