/**
 * Timers kept by name, so that each job has one timer at most and `stopAll()` leaves none behind.
 * Starting a named timer again restarts it.
 */
export class NamedTimers<Name extends string> {
  private readonly handles = new Map<Name, ReturnType<typeof setTimeout>>();

  /** Runs `callback` after `delay` ms, replacing any timer of that name. */
  start(name: Name, delay: number, callback: () => void): void {
    this.stop(name);
    this.handles.set(
      name,
      setTimeout(() => {
        this.handles.delete(name);
        callback();
      }, delay)
    );
  }

  stop(name: Name): void {
    clearTimeout(this.handles.get(name));
    this.handles.delete(name);
  }

  stopAll(): void {
    for (const handle of this.handles.values()) clearTimeout(handle);
    this.handles.clear();
  }
}
