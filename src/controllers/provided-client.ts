import { ContextConsumer } from '@lit/context';
import type { ReactiveElement } from 'lit';
import { clientContext } from '../context/client-context.js';
import type { ClientController } from './client-controller.js';

/**
 * Hands the client of the nearest `<conecta-provider>` to an element's `ClientController`. A
 * separate controller, so that only elements that may sit under a provider (the agent elements)
 * bundle @lit/context; a visitor's webchat never takes an agent's client anyway.
 */
export class ProvidedClientController {
  constructor(host: ReactiveElement, clients: ClientController) {
    new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: (client) => {
        clients.provided = client ?? undefined;
      },
    });
  }
}
