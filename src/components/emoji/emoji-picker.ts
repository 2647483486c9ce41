// The emoji picker, its own on-demand chunk (src/define-emoji-picker.ts) loaded when the visitor
// first presses the composer's emoji button. Written for this widget rather than taken from a
// library: emoji-picker-element, the best kept one, is several times the 12 KB an on-demand
// feature may weigh (contract §8) and fetches its data from a CDN; this one, with a curated
// set of emoji (emoji-data.ts), is one small file served from beside the script.
//
// Keyboard: the ARIA combobox with a grid popup. Focus stays in the search field; Down enters
// the grid, the arrows move the active cell (aria-activedescendant), Up from the first row
// returns to the text, Home and End go to the row's ends, Enter picks the active emoji (or the
// first match), Escape leaves.
import {LitElement, html, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {en} from '../../i18n/en.js';
import type {Catalogue} from '../../i18n/en.js';
import {shared} from '../../styles/shared.styles.js';
import type {AkeceEmojiPickEvent} from '../../events/emoji-pick.js';
import {CATEGORIES, searchEmoji} from './emoji-data.js';
import {keywordsIn} from './emoji-keywords.js';
import {recentEmoji, rememberEmoji, type RecentStorage} from './recent-emoji.js';
import {emojiPickerStyles} from './emoji-picker.styles.js';

/** Cells a row (emoji-picker.styles.ts lays out the same number). */
const COLUMNS = 8;

/** A run of rows: the recent emoji or a category (labelled), or the matches of a search. */
interface Group {
  readonly label: string;
  /** Each row's emoji, with their index among every emoji shown. */
  readonly rows: ReadonlyArray<ReadonlyArray<{readonly emoji: string; readonly index: number}>>;
}

/** Cuts `items` into rows of COLUMNS, numbering them from `first`. */
const intoRows = (items: readonly string[], first: number) => {
  const rows = [];
  for (let start = 0; start < items.length; start += COLUMNS) rows.push(items.slice(start, start + COLUMNS).map((emoji, at) => ({emoji, index: first + start + at})));
  return rows;
};

/**
 * A search field over a grid of emoji. The recent emoji come first (kept in the storage the
 * element's `storage` attribute chose); a search matches English names and keywords, and those
 * of the UI language (Unicode CLDR's, loaded on demand: emoji-keywords.ts).
 *
 * @summary Emoji picker of the composer.
 * @tag akece-emoji-picker
 * @fires {AkeceEmojiPickEvent} akece-emoji-pick - The visitor chose an emoji (does not bubble).
 * @fires {AkeceEmojiCloseEvent} akece-emoji-close - The visitor pressed Escape (does not bubble).
 */
export class AkeceEmojiPicker extends LitElement {
  static override styles = [shared, emojiPickerStyles];
  static override properties = {
    strings: {attribute: false},
    storage: {attribute: false},
    query: {state: true},
    active: {state: true},
    localWords: {state: true},
  };

  /** UI strings. */
  strings: Catalogue = en;
  /** Where recent emoji are remembered. */
  storage: RecentStorage = 'local';
  /** What the visitor searches for. */
  protected query = '';
  /** Index of the active cell among the emoji shown; -1 while the visitor is in the search field. */
  protected active = -1;
  /** The search words in the UI language, once loaded (null: English alone). */
  protected localWords: readonly string[] | null = null;

  /** Every emoji shown, in order. */
  #shown: readonly string[] = [];
  #groups: readonly Group[] = [];
  /** Each row's cells, over all groups: the arrows move through these. */
  #rows: Group['rows'] = [];

  /** Focuses the search field. */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector('input')?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('strings')) void this.#loadLocalWords(this.strings.lang);
    if (!changed.has('query') && !changed.has('storage') && !changed.has('strings') && !changed.has('localWords') && this.hasUpdated) return;
    const strings = this.strings;
    const found = searchEmoji(this.query, this.localWords);
    const recent = this.query ? [] : recentEmoji(this.storage);
    this.#shown = [...recent, ...found.map(({emoji}) => emoji)];
    // Without a search: the recent ones, then each category; with one, the matches, unlabelled.
    const groups = this.query
      ? [{label: '', emoji: this.#shown}]
      : [
          {label: strings.emoji_recent, emoji: recent},
          ...CATEGORIES.map((category) => ({label: strings[`emoji_${category}`], emoji: found.filter((entry) => entry.category == category).map(({emoji}) => emoji)})),
        ];
    let first = 0;
    this.#groups = groups.map(({label, emoji}) => {
      const group = {label, rows: intoRows(emoji, first)};
      first += emoji.length;
      return group;
    });
    this.#rows = this.#groups.flatMap((group) => group.rows);
    if (changed.has('query')) this.active = -1;
  }

  protected override updated() {
    // Keeps the active cell in view, scrolling the grid only (never the page).
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    const cell = this.renderRoot.querySelector<HTMLElement>('.active');
    if (!grid || !cell) return;
    if (cell.offsetTop < grid.scrollTop) grid.scrollTop = cell.offsetTop;
    else if (cell.offsetTop + cell.offsetHeight > grid.scrollTop + grid.clientHeight) grid.scrollTop = cell.offsetTop + cell.offsetHeight - grid.clientHeight;
  }

  override render() {
    const strings = this.strings;
    const active = this.active;
    const empty = !this.#shown.length;
    // Key and click handlers sit on the box: keys come from the search field, clicks from the
    // cells (which a pointer press does not focus, so the field keeps focus and its caret).
    return html`<div class="picker" @keydown=${this.#handleKeydown} @click=${this.#handleClick} @mousedown=${this.#keepFocus}>
      <input
        type="search"
        role="combobox"
        aria-label=${strings.emoji_search}
        placeholder=${strings.emoji_search}
        aria-expanded="true"
        aria-haspopup="grid"
        aria-autocomplete="list"
        aria-controls="emoji-grid"
        aria-activedescendant=${active >= 0 ? `emoji-${active}` : nothing}
        autocomplete="off"
        spellcheck="false"
        .value=${this.query}
        @input=${this.#handleInput}
      />
      <div id="emoji-grid" class="grid" role="grid" aria-label=${strings.emoji_open} ?hidden=${empty}>
        ${this.#groups.map((group) =>
          group.rows.length
            ? html`<div role="rowgroup" aria-label=${group.label || nothing}>
                ${group.label ? html`<div class="heading" aria-hidden="true">${group.label}</div>` : nothing}
                ${group.rows.map(
                  (row) =>
                    html`<div role="row">
                      ${row.map(({emoji, index}) => html`<div role="gridcell" id="emoji-${index}" class=${index == active ? 'active' : ''}>${emoji}</div>`)}
                    </div>`
                )}
              </div>`
            : nothing
        )}
      </div>
      <p class="none" role="status">${empty ? strings.emoji_none : ''}</p>
    </div>`;
  }

  /** Loads the search words of `lang` (its own chunk); until they come, and without them, English. */
  async #loadLocalWords(lang: string) {
    const words = await keywordsIn(lang);
    if (lang == this.strings.lang) this.localWords = words;
  }

  #handleInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
  }

  #handleKeydown(event: KeyboardEvent) {
    if (event.isComposing) return;
    const rtl = getComputedStyle(this).direction == 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    const active = this.active;
    const last = this.#shown.length - 1;
    let next = active;
    if (last < 0 && event.key != 'Escape') return;
    switch (event.key) {
      case 'Escape':
        // The panel closes on Escape: here it only leaves the picker.
        event.stopPropagation();
        this.dispatchEvent(new Event('akece-emoji-close'));
        break;
      case 'Enter': {
        const emoji = this.#shown[Math.max(active, 0)];
        if (emoji) this.#pick(emoji);
        break;
      }
      case 'ArrowDown':
        next = active < 0 ? 0 : this.#cellBelow(active, 1);
        break;
      case 'ArrowUp':
        next = active < 0 ? -1 : this.#cellBelow(active, -1);
        break;
      case forward:
        // In the search field the side arrows move the caret; in the grid, the active cell.
        if (active < 0) return;
        next = Math.min(active + 1, last);
        break;
      case backward:
        if (active < 0) return;
        next = Math.max(active - 1, 0);
        break;
      case 'Home':
      case 'End': {
        // In the grid: the row's first or last cell (in the search field: the caret's).
        if (active < 0) return;
        const row = this.#rows.find((cells) => cells[cells.length - 1].index >= active)!;
        next = row[event.key == 'Home' ? 0 : row.length - 1].index;
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    this.active = next;
  }

  /** The cell `step` rows below (or above) cell `index`, in the same column or the row's last; -1 above the first row. */
  #cellBelow(index: number, step: 1 | -1) {
    const rows = this.#rows;
    const rowIndex = rows.findIndex((row) => row[row.length - 1].index >= index);
    const column = index - rows[rowIndex][0].index;
    const target = rows[rowIndex + step];
    if (!target) return step < 0 ? -1 : index;
    return target[Math.min(column, target.length - 1)].index;
  }

  #handleClick(event: Event) {
    const cell = (event.target as Element).closest('[role=gridcell]');
    if (cell) this.#pick(cell.textContent!);
  }

  #keepFocus(event: MouseEvent) {
    if ((event.target as Element).closest('[role=gridcell]')) event.preventDefault();
  }

  #pick(emoji: string) {
    rememberEmoji(this.storage, emoji);
    this.dispatchEvent(Object.assign(new Event('akece-emoji-pick'), {emoji}) as AkeceEmojiPickEvent);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'akece-emoji-picker': AkeceEmojiPicker;
  }
}
