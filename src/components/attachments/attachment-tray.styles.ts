import {css} from 'lit';

/**
 * The attachment tray inside the composer's shadow root: a row of previews above the text
 * field, the refusal notes, the upload bar, and the drop zone. The drop zone is positioned
 * against the panel (the nearest positioned box: the composer's host is not positioned), so
 * it covers the whole panel while files are dragged over it.
 */
export const attachmentTrayStyles = css`
  .previews {
    display: flex;
    gap: 8px;
    margin: 0;
    padding: 8px 8px 0;
    overflow-x: auto;
    list-style: none;
  }
  .preview {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-rows: auto auto;
    align-items: center;
    column-gap: 6px;
    flex: none;
    max-width: 220px;
    padding-block: 4px;
    padding-inline-start: 8px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    font-size: 13px;
  }
  .preview img,
  .preview audio {
    grid-row: span 2;
  }
  .preview img {
    width: 40px;
    height: 40px;
    object-fit: cover;
    border-radius: 4px;
  }
  .preview audio {
    width: 160px;
    height: 36px;
  }
  /* a voice note: its player, its size and the remove button (its name says nothing) */
  .preview.audio {
    max-width: 300px;
  }
  .preview.audio .file-name {
    display: none;
  }
  .file-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .file-size {
    grid-column: 2;
    opacity: 0.85;
  }
  .preview.file .file-name,
  .preview.file .file-size {
    grid-column: 1 / 3;
  }
  .preview .remove {
    grid-column: 3;
    grid-row: 1 / 3;
  }
  .preview .remove svg {
    width: 18px;
    height: 18px;
  }
  .tray-notes p {
    margin: 8px 8px 0;
    padding: 4px 8px;
    border-inline-start: 3px solid var(--_danger);
    font-size: 13px;
  }
  .upload-progress {
    height: 6px;
    margin: 8px 8px 0;
    overflow: hidden;
    border-radius: 3px;
    background: var(--_wash);
  }
  .upload-bar {
    display: block;
    height: 100%;
    background: var(--_accent);
    transform: scaleX(var(--_sent, 0));
    transform-origin: left;
  }
  .upload-bar:dir(rtl) {
    transform-origin: right;
  }
  .drop-zone {
    position: absolute;
    z-index: 1;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 24px;
    border: 3px dashed var(--_accent);
    border-radius: inherit;
    background: color-mix(in srgb, var(--_surface) 92%, transparent);
    font-size: 17px;
    font-weight: 600;
    text-align: center;
    pointer-events: none;
  }
`;
