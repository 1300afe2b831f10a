import type { ConectaClientApi } from '../client/api.js';
import { findAgentClient } from '../client/registry.js';
import { ProvidedClientController } from '../controllers/provided-client.js';
import { LocalizeController } from '../i18n/localize.js';
import type { Translation } from '../i18n/pt-BR.js';
import type { AgentPartHost } from './agent-part-host.js';
import { ConectaElement } from './conecta-element.js';

export { define } from '../dom/define.js';

/**
 * The agent elements' base: `ConectaElement` with the agent translation tables, and the client
 * of a `<conecta-provider>` ancestor (else the page's agent client for `server`).
 */
export class ConectaAgentElement extends ConectaElement<Translation> {
  protected override readonly localize = new LocalizeController(this);

  constructor() {
    super();
    new ProvidedClientController(this, this.clientController);
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
