import {css} from 'lit';

/**
 * The emoji picker: a search field over a scrolling grid, on the panel's surface, above the
 * composer. Colours come from the root's tokens, so both themes hold; the grid flows from the
 * right in a right-to-left widget.
 */
export const emojiPickerStyles = css`
  :host {
    display: block;
  }
  .picker {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 16px #0003;
  }
  input {
    flex: none;
  }
  .grid {
    position: relative; /* the cells' offsetParent, to scroll the active one into view */
    max-height: 216px;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .heading {
    padding: 4px 2px;
    font-size: 0.8em;
    opacity: 0.8;
  }
  [role='row'] {
    display: grid;
    grid-template-columns: repeat(8, 1fr);
  }
  [role='gridcell'] {
    display: grid;
    place-items: center;
    height: 36px;
    border-radius: 8px;
    font-size: 22px;
    line-height: 1;
    cursor: pointer;
    user-select: none;
  }
  [role='gridcell']:hover {
    background: var(--_wash);
  }
  /* the active cell: focus stays in the search field, so the ring is drawn here */
  .active {
    outline: 2px solid;
    outline-offset: -2px;
    background: var(--_wash);
  }
  .none:empty {
    display: none;
  }
`;
