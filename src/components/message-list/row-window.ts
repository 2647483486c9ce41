// The geometry of a long list whose rows are rendered only near the view: each row's height
// (measured once it has been in the DOM, else estimated from the measured ones) and its top,
// as an offset from the first row. No DOM here: the message list measures and renders.
import type {MessageSequence} from '../../state/model.js';

/** Height assumed for a row never measured, before any row has been. */
const FIRST_ESTIMATE_PX = 64;

export class RowWindow {
  #keys: string[] = [];
  /**
   * Each key's place at the time it joined, and how many rows were prepended since: a row's
   * index is its place plus that count, so a page of older messages costs its own size, not the
   * list's.
   */
  #placeByKey = new Map<string, number>();
  #prepended = 0;
  /** Measured heights by message key: they survive prepends, which shift every index. */
  readonly #heights = new Map<string, number>();
  #measuredTotal = 0;
  /** tops[i]: top of row i; tops[length]: the height of all rows. Rebuilt lazily. */
  #tops = new Float64Array(1);
  #topsStale = true;

  /** Number of rows. */
  get length() {
    return this.#keys.length;
  }

  /** Height of all rows, measured or estimated. */
  get total() {
    return this.#topsFresh()[this.length];
  }

  /**
   * Takes the list's keys (in display order). An append or a prepend (a page of older messages)
   * is taken in place, reading only the new keys; anything else (a new conversation) rebuilds
   * the index. Returns how many messages were appended at the end (0 otherwise).
   */
  setKeys(messages: MessageSequence): number {
    const old = this.#keys;
    const count = old.length;
    const length = messages.length;
    this.#topsStale = true;
    const endsAs = (last: number) => messages.at(last - count + 1)!.key === old[0] && messages.at(last)!.key === old[count - 1];
    if (count > 0 && length >= count && endsAs(count - 1)) {
      for (let index = count; index < length; index++) {
        const key = messages.at(index)!.key;
        old.push(key);
        this.#placeByKey.set(key, index - this.#prepended);
      }
      return length - count;
    }
    const added = length - count;
    if (count > 0 && added > 0 && endsAs(length - 1)) {
      const older = messages.slice(0, added).map((message) => message.key);
      this.#prepended += added;
      older.forEach((key, index) => this.#placeByKey.set(key, index - this.#prepended));
      this.#keys = older.concat(old);
      return 0;
    }
    const keys: string[] = [];
    const placeByKey = new Map<string, number>();
    for (const message of messages) {
      placeByKey.set(message.key, keys.length);
      keys.push(message.key);
    }
    this.#keys = keys;
    this.#placeByKey = placeByKey;
    this.#prepended = 0;
    // Heights of messages no longer in the list are forgotten.
    for (const key of this.#heights.keys()) if (!placeByKey.has(key)) this.#forget(key);
    return count == 0 ? keys.length : 0;
  }

  has(key: string) {
    return this.#placeByKey.has(key);
  }

  indexOf(key: string) {
    const place = this.#placeByKey.get(key);
    return place === undefined ? -1 : place + this.#prepended;
  }

  keyAt(index: number) {
    return this.#keys[index];
  }

  /** Top of row `index` (the height of all rows when `index` is the length). */
  topOf(index: number) {
    return this.#topsFresh()[index];
  }

  /** Records a row's measured height; true if it differs from what was known. */
  heightChanged(key: string, height: number) {
    const known = this.#heights.get(key);
    if (known !== undefined && Math.abs(known - height) < 0.5) return false;
    this.#forget(key);
    this.#heights.set(key, height);
    this.#measuredTotal += height;
    this.#topsStale = true;
    return true;
  }

  /** Index of the row at offset `y` (the last row below the end, the first above the start). */
  indexAt(y: number) {
    const tops = this.#topsFresh();
    let low = 0;
    let high = this.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (tops[middle] <= y) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /**
   * Indices of the rows that overlap the band from `from` to `to`, widened on both sides to
   * `atLeast` rows when the list has that many.
   */
  range(from: number, to: number, atLeast = 0): number[] {
    if (!this.length) return [];
    let first = this.indexAt(from);
    let last = this.indexAt(to);
    const missing = Math.max(0, Math.min(atLeast, this.length) - (last - first + 1));
    first = Math.max(0, first - Math.ceil(missing / 2));
    last = Math.min(this.length - 1, first + Math.max(last - first, Math.min(atLeast, this.length) - 1));
    first = Math.max(0, Math.min(first, last - Math.min(atLeast, this.length) + 1));
    const indices: number[] = [];
    for (let index = first; index <= last; index++) indices.push(index);
    return indices;
  }

  #forget(key: string) {
    const known = this.#heights.get(key);
    if (known !== undefined) {
      this.#measuredTotal -= known;
      this.#heights.delete(key);
    }
  }

  #topsFresh() {
    if (!this.#topsStale) return this.#tops;
    const count = this.length;
    const estimate = this.#heights.size ? this.#measuredTotal / this.#heights.size : FIRST_ESTIMATE_PX;
    if (this.#tops.length != count + 1) this.#tops = new Float64Array(count + 1);
    const tops = this.#tops;
    for (let index = 0; index < count; index++) tops[index + 1] = tops[index] + (this.#heights.get(this.#keys[index]) ?? estimate);
    this.#topsStale = false;
    return tops;
  }
}
