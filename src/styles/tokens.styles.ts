import {css} from 'lit';

/**
 * Default design tokens, for the root's `:host` only (children inherit them; a child that
 * redeclared them would override what the page set on `<akece-chat>`).
 * Every colour pair meets WCAG AA in both themes.
 */
export const tokens = css`
  :host {
    --akece-color-accent: #2563eb;
    --akece-color-on-accent: #fff;
    --akece-color-surface: #fff;
    --akece-color-text: #1f2937;
    --akece-color-muted: #4b5563;
    --akece-color-border: #d1d5db;
    --akece-color-danger: #b91c1c;
    --akece-color-focus: var(--akece-color-accent);
    --akece-message-background: #f1f3f5;
    --akece-message-own-background: var(--akece-color-accent);
    --akece-message-own-color: var(--akece-color-on-accent);
    --akece-badge-background: #dc2626;
    --akece-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --akece-font-size: 15px;
    --akece-radius: 12px;
    --akece-shadow: 0 8px 32px rgb(0 0 0 / 0.2);
    --akece-z-index: 2147483000;
    --akece-offset-bottom: 20px;
    --akece-offset-inline: 20px;
    --akece-panel-width: 380px;
    --akece-panel-height: 600px;
    --akece-launcher-size: 56px;
    font: var(--akece-font-size) / 1.45 var(--akece-font-family);
    color: var(--akece-color-text);
    color-scheme: light;
  }
  :host([theme='dark']) {
    --akece-color-surface: #111827;
    --akece-color-text: #f3f4f6;
    --akece-color-muted: #9ca3af;
    --akece-color-border: #374151;
    --akece-color-danger: #fca5a5;
    --akece-message-background: #1f2937;
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --akece-color-surface: #111827;
      --akece-color-text: #f3f4f6;
      --akece-color-muted: #9ca3af;
      --akece-color-border: #374151;
      --akece-color-danger: #fca5a5;
      --akece-message-background: #1f2937;
      color-scheme: dark;
    }
  }
`;
