import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConectaClientApi } from '../client/api.js';
import { ConectaClient } from '../client/client.js';
import { define } from '../dom/define.js';
import { clientContext } from './client-context.js';

/**
 * @summary Gives every Conecta element inside it one shared client: the page's client for
 * `server` + `token`, or the one set on its `client` property.
 *
 * @slot - The elements (and any other content) that use the client.
 */
export class ConectaProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the Conecta server. With `token`, the provider uses `ConectaClient.shared({server, token})`. */
  @property({ reflect: true }) server = '';

  /** The agent's token, from `ConectaClient.login()`. */
  @property() token = '';

  #client: ConectaClientApi | undefined;
  #given: ConectaClientApi | undefined;
  readonly #provider = new ContextProvider(this, { context: clientContext, initialValue: undefined });

  /** The client provided: the one set here by the host page, else the one made from `server` + `token`. */
  get client(): ConectaClientApi | undefined {
    return this.#client;
  }

  set client(client: ConectaClientApi | undefined) {
    this.#given = client;
    this.#resolve();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resolve();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('server') || changed.has('token')) this.#resolve();
  }

  // Context notifies consumers only when the provided object is replaced: so replace it only when
  // the identity really changes. State changes reach elements through the store, not through here.
  #resolve(): void {
    const next = this.#given ?? (this.server && this.token ? ConectaClient.shared({ server: this.server, token: this.token }) : undefined);
    if (next === this.#client) return;
    this.#client = next;
    this.#provider.setValue(next);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

define('conecta-provider', ConectaProvider);

declare global {
  interface HTMLElementTagNameMap {
    'conecta-provider': ConectaProvider;
  }
}
