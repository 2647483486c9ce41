// Counts the page's real timers: every setTimeout not yet fired or cleared and every
// setInterval not cleared, from the moment `trackTimers()` is called. A test of "leaves no timer
// behind" installs it before the widget exists, so timers made at start are counted too (a fake
// clock installed later sees only the timers made after it, and `runAll` would hide a leak by
// running it).

export interface TimerTracker {
  /** Timers created since tracking began that are still pending. */
  readonly live: number;
  /** Puts the real functions back. */
  restore(): void;
}

export function trackTimers(): TimerTracker {
  type Schedule = (handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => number;
  type Clear = (id?: number) => void;
  const real = {setTimeout: window.setTimeout, setInterval: window.setInterval, clearTimeout: window.clearTimeout, clearInterval: window.clearInterval} as unknown as {
    setTimeout: Schedule;
    setInterval: Schedule;
    clearTimeout: Clear;
    clearInterval: Clear;
  };
  const pending = new Set<number>();
  const tracked = window as unknown as Record<keyof typeof real, unknown>;
  tracked.setTimeout = (handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const id: number = real.setTimeout.call(
      window,
      (...callArgs: unknown[]) => {
        pending.delete(id);
        handler(...callArgs);
      },
      delay,
      ...args
    );
    pending.add(id);
    return id;
  };
  tracked.setInterval = (handler: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const id = real.setInterval.call(window, handler, delay, ...args);
    pending.add(id);
    return id;
  };
  tracked.clearTimeout = (id?: number) => {
    if (id != null) pending.delete(id);
    real.clearTimeout.call(window, id);
  };
  tracked.clearInterval = (id?: number) => {
    if (id != null) pending.delete(id);
    real.clearInterval.call(window, id);
  };
  return {
    get live() {
      return pending.size;
    },
    restore() {
      Object.assign(window, real);
    },
  };
}
