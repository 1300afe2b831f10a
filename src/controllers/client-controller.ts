import type { ReactiveController, ReactiveElement } from 'lit';
import type { ClientApi, ConectaClientApi } from '../client/api.js';
import { onClientRegistered } from '../client/registry.js';

export type ClientListener<C extends ClientApi = ConectaClientApi> = (client: C | undefined) => void;

export interface ClientControllerOptions<C extends ClientApi = ConectaClientApi> {
  /** Where to look when neither a property nor a provider gives a client (e.g. the page's registry). */
  fallback: () => C | undefined;
}

/**
 * Resolves the client an element talks to: a client set as a property, else the one provided by a
 * `<conecta-provider>` ancestor (see `ProvidedClientController`, which only the agent elements
 * bring: the webchat's bundle carries no @lit/context), else `fallback()` (the page's shared client
 * for the element's `server`). While none is found it listens to the page's client registry, so an
 * element placed before the host page logs in finds the client the moment it exists. `C`: the kind of
 * client the element needs (the webchat's is a visitor's).
 */
export class ClientController<C extends ClientApi = ConectaClientApi> implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: ClientControllerOptions<C>;
  readonly #listeners = new Set<ClientListener<C>>();
  #explicit: C | undefined;
  #provided: C | undefined;
  #current: C | undefined;
  #stopListening: (() => void) | null = null;
  #connected = false;

  constructor(host: ReactiveElement, options: ClientControllerOptions<C>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get value(): C | undefined {
    return this.#current;
  }

  /** A client given directly (host page, tests, stories): wins over providers and the registry. */
  set explicit(client: C | undefined) {
    this.#explicit = client ?? undefined;
    this.refresh();
  }

  /** The client a `<conecta-provider>` ancestor gives (set by `ProvidedClientController`). */
  set provided(client: C | undefined) {
    this.#provided = client ?? undefined;
    this.refresh();
  }

  /** Hear of every change of client (also the first one). */
  subscribe(listener: ClientListener<C>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  hostConnected(): void {
    this.#connected = true;
    this.refresh();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#setListening(false);
  }

  /** Look for the client again (call when `server` or `channel` changes). */
  refresh(): void {
    const next = this.#explicit ?? this.#provided ?? (this.#connected ? this.#options.fallback() : undefined);
    this.#setListening(this.#connected && !next);
    if (next === this.#current) return;
    this.#current = next;
    for (const listener of [...this.#listeners]) listener(next);
    this.#host.requestUpdate();
  }

  #setListening(on: boolean): void {
    if (on && !this.#stopListening) this.#stopListening = onClientRegistered(() => this.refresh());
    if (!on && this.#stopListening) {
      this.#stopListening();
      this.#stopListening = null;
    }
  }
}
