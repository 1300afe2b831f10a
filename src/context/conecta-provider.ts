import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConectaClientApi } from '../client/api.js';
import type { GetToken } from '../client/agent-token.js';
import { ConectaClient } from '../client/client.js';
import { define } from '../dom/define.js';
import { clientContext } from './client-context.js';

/**
 * @summary Gives every Conecta element inside it one shared client: the page's client for
 * `server` + `getToken` (a CRM signing its user on, tokens renewed before they expire), for
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

  /**
   * Where the agent's tokens come from (a property only): called at connection and again before each
   * token expires, e.g. `() => fetch('/crm/conecta-token').then((r) => r.json())`, resolving with
   * `{token, expiresAt}`. Wins over `token`. See docs/crm.md.
   */
  @property({ attribute: false }) getToken: GetToken | undefined = undefined;

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
    if (changed.has('server') || changed.has('token') || changed.has('getToken')) this.#resolve();
  }

  // Context notifies consumers only when the provided object is replaced: so replace it only when
  // the identity really changes. State changes reach elements through the store, not through here.
  #resolve(): void {
    const next = this.#given ?? this.#sharedClient();
    if (next === this.#client) return;
    this.#client = next;
    this.#provider.setValue(next);
  }

  #sharedClient(): ConectaClientApi | undefined {
    const { server, getToken, token } = this;
    if (!server) return undefined;
    if (getToken) return ConectaClient.shared({ server, getToken });
    return token ? ConectaClient.shared({ server, token }) : undefined;
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
