export type Unsubscribe = () => void;

export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  /** Called after every change (not for actions that left the state as it was). */
  subscribe(listener: (state: S) => void): Unsubscribe;
}

/** A minimal Redux-like store: a pure reducer, synchronous dispatch, change listeners. */
export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<(s: S) => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next !== state) {
        state = next;
        for (const l of [...listeners]) l(state);
      }
    },
    subscribe(l) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}
