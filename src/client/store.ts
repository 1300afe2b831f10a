import { initialState, type ConectaState } from './state.js';

export type Listener = (state: ConectaState, previous: ConectaState) => void;

/**
 * The one source of truth for every element on a page that shares a client.
 * Plain TypeScript: updates are pure functions of the state (see reducers.ts).
 */
export class Store {
  #state: ConectaState;
  readonly #listeners = new Set<Listener>();

  constructor(state: ConectaState = initialState) {
    this.#state = state;
  }

  get state(): ConectaState {
    return this.#state;
  }

  /** Apply a pure update; listeners hear of it only if the state actually changed. */
  update(change: (state: ConectaState) => ConectaState): void {
    const previous = this.#state;
    const next = change(previous);
    if (next === previous) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener(next, previous);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Follow a slice: `onChange` runs when `selector`'s result changes (by `equals`).
   * Returns the unsubscribe function.
   */
  watch<T>(selector: (state: ConectaState) => T, onChange: (value: T) => void, equals: (a: T, b: T) => boolean = Object.is): () => void {
    let current = selector(this.#state);
    return this.subscribe((state) => {
      const next = selector(state);
      if (equals(current, next)) return;
      current = next;
      onChange(next);
    });
  }
}
