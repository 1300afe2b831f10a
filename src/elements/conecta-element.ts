import { LitElement, html, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { ClientApi, ConectaClientApi } from '../client/api.js';
import type { ConnectionStatus } from '../client/state.js';
import { ClientController } from '../controllers/client-controller.js';
import { StoreSelection } from '../controllers/store-selection.js';
import type { Localizer } from '../i18n/localizer.js';
import type { ErrorCode } from '../protocol/errors.js';
import { hostStyles } from '../styles/host.js';

/** What every element's translation table holds for the parts the base renders. */
export interface BaseTexts {
  connection: { connecting: string; disconnected: string; noClient: string };
  common: { error: string };
  errors: Partial<Record<ErrorCode, string>>;
}

/**
 * What every Conecta element shares, agents' and visitors' alike: host styles, `lang`/`dir`, the
 * client (a `client` property, else `findClient()`), the connection state (shown quietly, and as
 * the `offline` / `connecting` custom states), error wording. Subclasses bring their own
 * translation tables (`localize`), so a bundle carries only its elements' texts. `C`: the kind of
 * client they need (the webchat, a visitor's: its bundle then carries no agent code).
 */
export abstract class ConectaElement<T extends BaseTexts = BaseTexts, C extends ClientApi = ConectaClientApi> extends LitElement {
  static override styles: CSSResultGroup = [hostStyles];

  // A static declaration, not decorators: the decorators' code would weigh on the webchat's budget.
  // The webchat's Lit knows only `type` (Boolean or String), `attribute` and `reflect` (build/lean-lit.mjs).
  static override properties: PropertyDeclarations = {
    lang: { reflect: true },
    dir: { reflect: true },
    server: { reflect: true },
  };

  /** The element's language (`pt-BR`, `en`, `es`); unset, it follows the nearest ancestor's or the page's. */
  override lang!: string;

  /** Text direction; logical CSS properties mirror the layout for `rtl`. */
  override dir!: string;

  /** Base URL of the Conecta server: outside a provider, the element uses the page's client for it. */
  server = '';

  protected abstract readonly localize: Localizer<T>;

  /** @internal Where the client comes from (property, provider, page): for the element's own parts. */
  readonly clientController: ClientController<C> = new ClientController<C>(this, { fallback: () => this.findClient() });

  protected readonly connection = new StoreSelection<ConnectionStatus | null>(
    this,
    (state) => (this.clientController.value ? state.connection : null),
    Object.is,
  );

  readonly #internals = this.attachInternals();

  /** The client this element talks to. Set it to override the provider and the page's client. */
  get client(): C | undefined {
    return this.clientController.value;
  }

  set client(client: C | undefined) {
    this.clientController.explicit = client;
  }

  /** Where a client comes from when no property (or provider) gives one. */
  protected abstract findClient(): C | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('server')) this.clientController.refresh();
    const status = this.connection.value;
    this.setState('offline', status !== 'connected' && status !== 'connecting');
    this.setState('connecting', status === 'connecting');
  }

  /** The quiet "not connected" notice every element shows while its client is not connected. */
  protected renderConnection() {
    const status = this.connection.value;
    if (status === 'connected') return nothing;
    const t = this.localize.t.connection;
    const text = status === 'connecting' ? t.connecting : status === 'disconnected' ? t.disconnected : t.noClient;
    return html`<p class="connection" part="connection" role="status" data-status=${status ?? 'none'}>${text}</p>`;
  }

  /** @internal A human message for a failed command: ours for known codes, else the server's. */
  errorMessage(error: unknown): string {
    const code = (error as { code?: ErrorCode } | null)?.code;
    const known = code && this.localize.t.errors[code];
    if (known) return known;
    return error instanceof Error && error.message ? error.message : this.localize.t.common.error;
  }

  /** Turn a custom state (`:host(:state(name))`) on or off. */
  protected setState(state: string, on: boolean): void {
    try {
      if (on) this.#internals.states.add(state);
      else this.#internals.states.delete(state);
    } catch {
      // Browsers without CustomStateSet: the states are a styling convenience only.
    }
  }
}
