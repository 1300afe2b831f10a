import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConectaClientApi } from '../client/api.js';
import { findAgentClient } from '../client/registry.js';
import type { ConnectionStatus } from '../client/state.js';
import { ClientController } from '../controllers/client-controller.js';
import { StoreSelection } from '../controllers/store-selection.js';
import { LocalizeController } from '../i18n/localize.js';
import { hostStyles } from '../styles/host.js';

export { define } from './define.js';

/**
 * What every Conecta element shares: host styles, localization that follows `lang`, the client
 * (a `client` property, else a `<conecta-provider>`, else the page's client for `server`), the
 * connection state (shown quietly, and as the `offline` / `connecting` custom states).
 */
export class ConectaElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles];

  /** Visitor elements (the webchat) must never pick up an agent's client from a provider. */
  protected static useProviderClient = true;

  /** The element's language (`pt-BR`, `en`, `es`); unset, it follows the nearest ancestor's or the page's. */
  @property({ reflect: true }) override lang!: string;

  /** Text direction; logical CSS properties mirror the layout for `rtl`. */
  @property({ reflect: true }) override dir!: string;

  /** Base URL of the Conecta server: outside a provider, the element uses the page's client for it. */
  @property({ reflect: true }) server = '';

  protected readonly localize = new LocalizeController(this);

  readonly clientController = new ClientController(this, {
    useContext: (this.constructor as typeof ConectaElement).useProviderClient,
    fallback: () => this.findClient(),
  });

  protected readonly connection = new StoreSelection<ConnectionStatus | null>(
    this,
    (state) => (this.clientController.value ? state.connection : null),
    Object.is,
  );

  readonly #internals = this.attachInternals();

  /** The client this element talks to. Set it to override the provider and the page's client. */
  get client(): ConectaClientApi | undefined {
    return this.clientController.value;
  }

  set client(client: ConectaClientApi | undefined) {
    this.clientController.explicit = client;
  }

  /** Where a client comes from when neither a property nor a provider gives one. */
  protected findClient(): ConectaClientApi | undefined {
    return this.server ? findAgentClient(this.server) : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('server')) this.clientController.refresh();
    const status = this.connection.value;
    this.#setState('offline', status !== 'connected' && status !== 'connecting');
    this.#setState('connecting', status === 'connecting');
  }

  /** The quiet "not connected" notice every element shows while its client is not connected. */
  protected renderConnection() {
    const status = this.connection.value;
    if (status === 'connected') return nothing;
    const t = this.localize.t.connection;
    const text = status === 'connecting' ? t.connecting : status === 'disconnected' ? t.disconnected : t.noClient;
    return html`<p class="connection" part="connection" role="status" data-status=${status ?? 'none'}>${text}</p>`;
  }

  /** A human message for a failed command: ours for known codes, else the server's. */
  protected errorMessage(error: unknown): string {
    const code = (error as { code?: string } | null)?.code;
    const known = this.localize.t.errors as Record<string, string>;
    if (code && known[code]) return known[code];
    return error instanceof Error && error.message ? error.message : this.localize.t.common.error;
  }

  #setState(state: string, on: boolean): void {
    try {
      if (on) this.#internals.states.add(state);
      else this.#internals.states.delete(state);
    } catch {
      // Browsers without CustomStateSet: the states are a styling convenience only.
    }
  }
}
