import {css} from 'lit';

/**
 * Design tokens, for the root's `:host` only: children inherit them (a child that redeclared
 * them would override what the page set on `<akece-chat>`). Every colour pair meets WCAG AA in
 * both themes.
 *
 * The public `--akece-*` properties are read here, once, each with its default, into short
 * private ones (`--_a`…) that the rest of the CSS uses. `--akece-offset-inline` and
 * `--akece-panel-height` are declared too, for the root's own styles.
 *
 * The dark values are written once: a themed default is `var(--_lt, light) var(--_dk, dark)`
 * and the theme flips two "space toggles" (a custom property set to a space is valid and empty;
 * one set to `initial` is invalid, so `var()` takes its fallback).
 */
export const tokens = css`
  :host {
    --_lt: initial;
    --_dk: ;
    --akece-offset-inline: 20px;
    --akece-panel-height: 600px;
    /* accent, text on accent, surface, text, muted text, border, danger, message background */
    --_a: var(--akece-color-accent, #2563eb);
    --_o: var(--akece-color-on-accent, #fff);
    --_s: var(--akece-color-surface, var(--_lt, #fff) var(--_dk, #111827));
    --_t: var(--akece-color-text, var(--_lt, #1f2937) var(--_dk, #f3f4f6));
    --_m: var(--akece-color-muted, var(--_lt, #4b5563) var(--_dk, #9ca3af));
    --_b: var(--akece-color-border, var(--_lt, #d1d5db) var(--_dk, #374151));
    --_e: var(--akece-color-danger, var(--_lt, #b91c1c) var(--_dk, #fca5a5));
    --_mb: var(--akece-message-background, var(--_lt, #f1f3f5) var(--_dk, #1f2937));
    /* focus ring, launcher size, distance from the bottom edge */
    --_f: var(--akece-color-focus, var(--_a));
    --_l: var(--akece-launcher-size, 56px);
    --_y: var(--akece-offset-bottom, 20px);
    font: var(--akece-font-size, 15px) / 1.45 var(--akece-font-family, system-ui, sans-serif);
    color: var(--_t);
    color-scheme: var(--_lt, light) var(--_dk, dark);
  }
  :host([theme='dark']) {
    --_lt: ;
    --_dk: initial;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_lt: ;
      --_dk: initial;
    }
  }
`;
