import {css} from 'lit';

/**
 * Design tokens, for the root's `:host` only: children inherit them (a child that redeclared
 * them would override what the page set on `<akece-chat>`). Every colour pair meets WCAG AA in
 * both themes.
 *
 * Only two colours depend on the theme (surface and text); everything else is the accent, a
 * translucent grey that reads on both surfaces, or a mid grey for borders. Defaults of the
 * public properties the root's own rules read (`--akece-offset-inline`, `--akece-panel-height`)
 * are set here; a value the page sets on the element wins over `:host`.
 *
 * The dark values are written once: a themed default is `var(--_lt,light) var(--_dk,dark)`
 * and the theme flips two "space toggles" (a custom property set to a space is valid and empty;
 * one set to `initial` is invalid, so `var()` takes its fallback).
 */
export const tokens = css`
  :host {
    --_lt: initial;
    --_dk: ;
    --akece-offset-inline: 20px;
    --akece-panel-height: 600px;
    --_a: var(--akece-color-accent,#2563eb);
    /* text on the accent: white or black, whichever reads on it (WCAG's crossover is a
       relative luminance of 0.18, an L* of about 49.5); needs relative colours (Baseline 2024) */
    --_o: lch(from var(--_a) calc((49.5 - l)*infinity) 0 0);
    --_y: var(--akece-offset-bottom,20px);
    --_r: var(--akece-radius,12px);
    --_s: var(--akece-color-surface,var(--_lt,#fff) var(--_dk,#111827));
    font: 15px/1.45 var(--akece-font-family,system-ui,sans-serif);
    color: var(--akece-color-text,var(--_lt,#1f2937) var(--_dk,#f3f4f6));
    color-scheme: var(--_lt,light) var(--_dk,dark);
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
