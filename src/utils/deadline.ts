// A countdown that is pushed back far more often than it runs out: the cable's "no frame for
// 6 s" and the live region's "read out for 5 s". A burst pushes it back a thousand times a
// second; replacing a setTimeout each time cost more than the rest of a frame's handling, so
// pushing it back only notes the new deadline, and the timer, when it runs out early, waits for
// what is left.

/** Runs a callback once a deadline passes, the deadline movable at the cost of a number. */
export class Deadline {
  #handle: ReturnType<typeof setTimeout> | undefined;
  /** When the callback is due (Date.now() time). */
  #due = 0;
  /** How far ahead the last deadline was set. */
  #length = 0;

  constructor(private readonly callback: () => void) {}

  /** A deadline is set and has not passed. */
  get pending(): boolean {
    return this.#handle !== undefined;
  }

  /** Sets the deadline `ms` from now, in place of any earlier one. */
  setFromNow(ms: number): void {
    const due = Date.now() + ms;
    // A deadline brought forward needs a timer of its own; one pushed back keeps the one running.
    if (this.#handle !== undefined && due < this.#due) this.cancel();
    this.#due = due;
    this.#length = ms;
    if (this.#handle === undefined) this.#wait(ms);
  }

  /** Forgets the deadline. */
  cancel(): void {
    clearTimeout(this.#handle);
    this.#handle = undefined;
  }

  #wait(ms: number) {
    this.#handle = setTimeout(() => {
      let rest = this.#due - Date.now();
      if (rest > this.#length) {
        // The clock was set back: the deadline is counted again from now.
        this.#due = Date.now() + this.#length;
        rest = this.#length;
      }
      if (rest > 0) return this.#wait(rest);
      this.#handle = undefined;
      this.callback();
    }, ms);
  }
}
