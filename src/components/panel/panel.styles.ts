import {css} from 'lit';

/**
 * The panel frame: its floating or inline box, the header, the connection banner and the error
 * box, for the root's shadow root (the panel is a template function the root renders). The
 * left corner (`:host([position=left])`) and phone safe areas are the root's rules.
 *
 * Tokens: `--akece-header-background` (default: the accent; its text is black or white,
 * whichever reads on it), `--akece-panel-width`, `--akece-panel-height`.
 */
export const panelStyles = css`
  .panel {
    display: flex;
    flex-direction: column;
    overflow: hidden;
    background: var(--_surface);
  }
  .inline {
    position: relative; /* the drop zone covers the panel */
    height: 100%;
  }
  .float {
    position: fixed;
    z-index: var(--akece-z-index, 2147483000);
    bottom: calc(var(--_offset-bottom) + 68px);
    inset-inline-end: var(--akece-offset-inline);
    width: min(var(--akece-panel-width, 380px), 100vw - 2 * var(--akece-offset-inline));
    height: min(var(--akece-panel-height), 100vh - var(--_offset-bottom) - 100px);
    border-radius: var(--_radius);
    box-shadow: 0 4px 24px #0004;
  }
  @media (max-width: 480px) {
    .float {
      inset: 0;
      width: auto;
      height: auto;
      border-radius: 0;
    }
  }
  .header {
    --_header-background: var(--akece-header-background, var(--_accent));
    display: flex;
    justify-content: space-between;
    padding: 12px 16px;
    background: var(--_header-background);
    color: lch(from var(--_header-background) calc((49.5 - l) * infinity) 0 0);
  }
  .header-start,
  .header-actions {
    display: flex;
    align-items: flex-start;
    gap: 4px;
  }
  /* the title and its lines take what the buttons leave, and a long word (an inbox's name) wraps */
  .header-start,
  .header-start > div {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .header h2 {
    font-size: 17px;
  }
  .header p,
  .connection-banner,
  .error {
    font-size: 13px;
  }
  /* the availability line: a dot, green when online */
  .availability::before {
    content: '● ';
  }
  .availability.online::before {
    color: #4ade80;
  }
  .connection-banner,
  .error {
    padding: 8px 12px;
  }
  .connection-banner {
    background: var(--_wash);
  }
  .connection-banner:empty {
    display: none;
  }
  .error {
    margin: 8px 12px 0;
    border: 2px solid var(--_danger);
    border-radius: 8px;
  }
`;
