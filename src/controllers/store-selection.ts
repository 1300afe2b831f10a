import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClientApi } from '../client/api.js';
import { shallowEqual } from '../client/selectors.js';
import { initialState, type ConectaState } from '../client/state.js';

/** An element that has resolved (or is resolving) its client: what a selection reads of its `ClientController`. */
export interface ClientHost extends ReactiveControllerHost {
  readonly clientController: {
    readonly value: ClientApi | undefined;
    subscribe(listener: (client: ClientApi | undefined) => void): () => void;
  };
}

/**
 * A slice of the store of the host's client. The host re-renders only when the slice changes
 * (by `equals`, shallow by default); the selector is also re-run before each render, so it may
 * read the host's properties (`(s) => selectWaiting(s, this.team)`).
 */
export class StoreSelection<T> implements ReactiveController {
  readonly #host: ClientHost;
  readonly #selector: (state: ConectaState) => T;
  readonly #equals: (a: T, b: T) => boolean;
  #value: T | undefined;
  #computed = false;
  #unsubscribeStore: (() => void) | null = null;
  #unsubscribeClient: (() => void) | null = null;

  constructor(host: ClientHost, selector: (state: ConectaState) => T, equals: (a: T, b: T) => boolean = shallowEqual) {
    this.#host = host;
    this.#selector = selector;
    this.#equals = equals;
    host.addController(this);
  }

  get value(): T {
    if (!this.#computed) this.#recompute();
    return this.#value as T;
  }

  hostConnected(): void {
    this.#unsubscribeClient = this.#host.clientController.subscribe((client) => this.#follow(client));
    this.#follow(this.#host.clientController.value);
  }

  hostDisconnected(): void {
    this.#unsubscribeClient?.();
    this.#unsubscribeClient = null;
    this.#unsubscribeStore?.();
    this.#unsubscribeStore = null;
  }

  hostUpdate(): void {
    this.#recompute();
  }

  #state(): ConectaState {
    return this.#host.clientController.value?.store.state ?? initialState;
  }

  /** Recompute; keep the previous object when equal, so `repeat()` and `===` checks stay quiet. */
  #recompute(): boolean {
    const next = this.#selector(this.#state());
    if (this.#computed && this.#equals(this.#value as T, next)) return false;
    this.#value = next;
    this.#computed = true;
    return true;
  }

  #follow(client: ClientApi | undefined): void {
    this.#unsubscribeStore?.();
    this.#unsubscribeStore = client
      ? client.store.subscribe(() => {
          if (this.#recompute()) this.#host.requestUpdate();
        })
      : null;
    if (this.#recompute()) this.#host.requestUpdate();
  }
}
