import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConectaClientApi } from '../client/api.js';
import { findAgentClient } from '../client/registry.js';
import type { AuthEnded } from '../client/state.js';
import { ProvidedClientController } from '../controllers/provided-client.js';
import { StoreSelection } from '../controllers/store-selection.js';
import { LocalizeController } from '../i18n/localize.js';
import type { Translation } from '../i18n/pt-BR.js';
import type { AgentPartHost } from './agent-part-host.js';
import { AuthEndedEvent } from './auth-ended-event.js';
import { ConectaElement } from './conecta-element.js';

export { define } from '../dom/define.js';

/**
 * The agent elements' base: `ConectaElement` with the agent translation tables, and the client
 * of a `<conecta-provider>` ancestor (else the page's agent client for `server`). When the agent's
 * sign-in ends for good, it shows why in place of the connection notice (part `auth-ended`, an
 * alert), sets the `auth-ended` custom state and fires `conecta-auth-ended` once. Each has a
 * `theme` and a `density` (styles in `agent-theme.ts`).
 *
 * @event conecta-auth-ended - The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`.
 */
export class ConectaAgentElement extends ConectaElement<Translation> {
  /** `auto` follows the system's light or dark setting; `light` and `dark` force one. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  /**
   * `compact` shows more rows on screen (tighter rows and controls, still at least 24×24 px). Unset,
   * the density of the agent element around (a desk's, for the elements a page slots into it), else `comfortable`.
   */
  @property({ reflect: true }) density: 'comfortable' | 'compact' | undefined = undefined;

  protected override readonly localize = new LocalizeController(this);

  readonly #authEnded = new StoreSelection<AuthEnded | null>(
    this,
    (state) => (this.clientController.value ? (state.authEnded ?? null) : null),
    Object.is,
  );
  /** The reason the last `conecta-auth-ended` told: each ended sign-in is told once. */
  #toldAuthEnded: AuthEnded | null = null;

  constructor() {
    super();
    new ProvidedClientController(this, this.clientController);
    // A `client` set on the element before its definition loaded (one defined on demand) is an own
    // property that hides the accessor: hand it over.
    if (Object.hasOwn(this, 'client')) {
      const own = this as { client?: ConectaClientApi };
      const client = own.client;
      delete own.client;
      this.client = client;
    }
  }

  // In the CDN bundle a language's table is a chunk loaded on demand: render once it is here (no
  // flash of another language). With the tables at hand (npm), the update is not delayed at all.
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.localize.isReady) return super.scheduleUpdate();
    return this.localize.ready().then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.setState('auth-ended', this.#authEnded.value !== null);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const reason = this.#authEnded.value;
    if (reason && reason !== this.#toldAuthEnded) this.dispatchEvent(new AuthEndedEvent({ reason }));
    this.#toldAuthEnded = reason;
  }

  /** The connection notice, or, once the sign-in ended, why (an alert: the agent can no longer work here). */
  protected override renderConnection() {
    const reason = this.#authEnded.value;
    if (!reason) return super.renderConnection();
    return html`<p class="auth-ended" part="auth-ended" role="alert">${this.localize.t.authEnded[reason]}</p>`;
  }

  /** Give the agent elements of this one's own tree its theme and density (the desk's panels follow the desk). */
  protected shareAppearance(): void {
    for (const element of this.renderRoot.querySelectorAll('*')) {
      if (!(element instanceof ConectaAgentElement)) continue;
      element.theme = this.theme;
      element.density = this.density;
    }
  }

  protected override findClient(): ConectaClientApi | undefined {
    return this.server ? findAgentClient(this.server) : undefined;
  }

  /**
   * The host an element gives its private parts: the members every agent element shares, plus the
   * element's `own` (copied with their getters and setters, so they stay live).
   */
  protected partHost<Host extends AgentPartHost>(own: Omit<Host, keyof AgentPartHost>): Host {
    const element = this;
    const shared: AgentPartHost = {
      addController: (controller) => element.addController(controller),
      removeController: (controller) => element.removeController(controller),
      requestUpdate: () => element.requestUpdate(),
      get updateComplete() {
        return element.updateComplete;
      },
      clientController: element.clientController,
      get client() {
        return element.client;
      },
      get localize() {
        return element.localize;
      },
      query: <T extends Element>(selector: string) => element.renderRoot.querySelector<T>(selector),
      errorMessage: (error: unknown) => element.errorMessage(error),
      dispatch: (event: Event) => element.dispatchEvent(event),
    };
    return Object.defineProperties(shared, Object.getOwnPropertyDescriptors(own)) as Host;
  }
}
