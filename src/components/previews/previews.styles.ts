import {css} from 'lit';

/**
 * The previews' stack: fixed above the launcher in the same corner (56 px launcher + 12 px gap),
 * never wider or taller than the viewport leaves room for, so that on a 320 px phone it neither
 * covers the launcher nor leaves the screen. Its corner follows `position` and the text
 * direction (logical insets), as the launcher's does.
 *
 * Token: `--akece-preview-background` (default: the surface).
 */
export const previewsStyles = css`
  :host {
    --_gap: 12px;
    position: fixed;
    z-index: var(--akece-z-index, 2147483000);
    bottom: calc(var(--_offset-bottom) + 56px + var(--_gap));
    inset-inline-end: var(--akece-offset-inline);
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 8px;
    width: min(300px, 100vw - 2 * var(--akece-offset-inline));
    max-height: calc(100dvh - var(--_offset-bottom) - 56px - 2 * var(--_gap));
  }
  :host([position='left']) {
    inset-inline-end: auto;
    inset-inline-start: var(--akece-offset-inline);
    align-items: flex-start;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: 8px;
    width: 100%;
    min-height: 0;
    margin: 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
  }
  .preview {
    display: block;
    width: 100%;
    padding: 10px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--akece-preview-background, var(--_surface));
    box-shadow: 0 2px 12px #0003;
    text-align: start;
  }
  .name {
    display: block;
    font-weight: 600;
    font-size: 13px;
  }
  /* a few lines of the message, then an ellipsis; a long word breaks rather than widening it */
  .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .dismiss {
    width: 32px;
    height: 32px;
    border: 1px solid var(--_border);
    background: var(--akece-preview-background, var(--_surface));
    box-shadow: 0 2px 12px #0003;
  }
  .dismiss svg {
    width: 16px;
    height: 16px;
  }
`;
