import {Deadline} from '../utils/deadline.js';

/** One named timer: its countdown, and what runs when it runs out (the latest start's callback). */
interface NamedTimer {
  readonly deadline: Deadline;
  callback: () => void;
}

/**
 * Timers kept by name, so that each job has one timer at most and `stopAll()` leaves none behind.
 * Starting a named timer again restarts it. Some are restarted by every message (telling the
 * server the visitor has seen them, once the messages stop coming): each is a Deadline, which a
 * restart only pushes back, rather than a setTimeout replaced a thousand times in a burst.
 */
export class NamedTimers<Name extends string> {
  private readonly timers = new Map<Name, NamedTimer>();

  /** Runs `callback` after `delay` ms, in place of any timer of that name. */
  start(name: Name, delay: number, callback: () => void): void {
    let timer = this.timers.get(name);
    if (!timer) {
      const made: NamedTimer = {deadline: new Deadline(() => made.callback()), callback};
      this.timers.set(name, (timer = made));
    }
    timer.callback = callback;
    timer.deadline.setFromNow(delay);
  }

  stop(name: Name): void {
    this.timers.get(name)?.deadline.cancel();
  }

  stopAll(): void {
    for (const timer of this.timers.values()) timer.deadline.cancel();
  }
}
