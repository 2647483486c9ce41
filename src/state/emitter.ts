import type {Unsubscribe} from './store.js';

/** A typed event emitter: `on(type, listener)` returns the unsubscribe function. */
export class Emitter<Events extends object> {
  private listeners = new Map<keyof Events, Set<(detail: never) => void>>();

  on<Type extends keyof Events>(type: Type, listener: (detail: Events[Type]) => void): Unsubscribe {
    const listeners = this.listeners.get(type) ?? new Set();
    this.listeners.set(type, listeners.add(listener));
    return () => void listeners.delete(listener);
  }

  emit<Type extends keyof Events>(type: Type, detail: Events[Type]): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) (listener as (detail: Events[Type]) => void)(detail);
  }

  clear(): void {
    this.listeners.clear();
  }
}
