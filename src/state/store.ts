/** Stops a subscription. */
export type Unsubscribe = () => void;

/** What readers of a store get: the state and its changes, no way to change it. */
export interface ReadableStore<State> {
  getState(): State;
  /** Calls `listener` with every new state; returns the unsubscribe function. */
  subscribe(listener: (state: State) => void): Unsubscribe;
}

/**
 * Holds one immutable state and changes it only through the reducer. Listeners hear of real
 * changes only: an action the reducer answers with the same state notifies no one.
 */
export class Store<State, Action> implements ReadableStore<State> {
  private readonly listeners = new Set<(state: State) => void>();

  constructor(
    private readonly reducer: (state: State, action: Action) => State,
    private state: State
  ) {}

  getState(): State {
    return this.state;
  }

  dispatch(action: Action): void {
    const next = this.reducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  subscribe(listener: (state: State) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Forgets every listener (the owner is being disposed). */
  clearListeners(): void {
    this.listeners.clear();
  }
}

export const createStore = <State, Action>(reducer: (state: State, action: Action) => State, initial: State) =>
  new Store(reducer, initial);
