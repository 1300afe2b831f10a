import type { ConectaClientApi } from '../client/api.js';
import { findAgentClient } from '../client/registry.js';
import { ProvidedClientController } from '../controllers/provided-client.js';
import { LocalizeController } from '../i18n/localize.js';
import type { Translation } from '../i18n/pt-BR.js';
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
}
