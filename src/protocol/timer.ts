// A named one-shot timer, so the cable's timers read as what they are (the stale countdown, the
// retry wait, the confirmation wait, the heartbeat) instead of slots in an array.

/** One pending `setTimeout` at most: starting it again replaces the pending run. */
export class Timer {
  #handle: ReturnType<typeof setTimeout> | undefined;

  /** Runs `callback` once after `ms`, replacing any pending run. */
  start(callback: () => void, ms: number): void {
    this.cancel();
    this.#handle = setTimeout(() => {
      this.#handle = undefined;
      callback();
    }, ms);
  }

  /** Forgets the pending run, if any. */
  cancel(): void {
    if (this.#handle === undefined) return;
    clearTimeout(this.#handle);
    this.#handle = undefined;
  }
}
