import {css} from 'lit';

/**
 * Design tokens, for the root's `:host` only: children inherit them (a child that redeclared
 * them would override what the page set on `<akece-chat>`). Every colour pair meets WCAG AA in
 * both themes.
 *
 * Public tokens (`--akece-*`) are read with their default as the fallback, so a value the page
 * sets on the element wins over `:host`. Private ones (`--_*`) are what the components read:
 * the public token resolved to its default. Component tokens (`--akece-message-own-background`
 * …) are read in each component's own styles, with the global ones as their fallback.
 *
 * Only two colours depend on the theme (surface and text); everything else is the accent, a
 * translucent grey that reads on both surfaces, or a mid grey for borders. The dark values are
 * written once: a themed default is `var(--_light, light) var(--_dark, dark)` and the theme flips
 * two "space toggles" (a custom property set to a space is valid and empty; one set to `initial`
 * is invalid, so `var()` takes its fallback).
 */
export const tokens = css`
  :host {
    --_light: initial;
    --_dark: ;
    --akece-offset-inline: 20px;
    --akece-panel-height: 600px;
    --_accent: var(--akece-color-accent, #2563eb);
    /* text on the accent: white or black, whichever reads on it (WCAG's crossover is a
       relative luminance of 0.18, an L* of about 49.5); needs relative colours (Baseline 2024) */
    --_on-accent: lch(from var(--_accent) calc((49.5 - l) * infinity) 0 0);
    --_offset-bottom: var(--akece-offset-bottom, 20px);
    --_radius: var(--akece-radius, 12px);
    --_surface: var(--akece-color-surface, var(--_light, #fff) var(--_dark, #111827));
    /* a grey wash that reads on both themes' surfaces, and a border grey with 3:1 on both */
    --_wash: #8882;
    --_border: #6b7280;
    --_danger: #dc2626;
    font: 15px/1.45 var(--akece-font-family, system-ui, sans-serif);
    color: var(--akece-color-text, var(--_light, #1f2937) var(--_dark, #f3f4f6));
    color-scheme: var(--_light, light) var(--_dark, dark);
  }
  :host([theme='dark']) {
    --_light: ;
    --_dark: initial;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_light: ;
      --_dark: initial;
    }
  }
`;
