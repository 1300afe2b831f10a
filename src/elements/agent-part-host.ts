import type { ConectaClientApi } from '../client/api.js';
import type { ClientHost } from '../controllers/store-selection.js';
import type { LocalizeController } from '../i18n/localize.js';

/**
 * What every agent element shows its private parts (rows, dialogs, composer…): its controllers,
 * client, texts, shadow root and events. Each element's host adds its own members to these.
 */
export interface AgentPartHost extends ClientHost {
  readonly client: ConectaClientApi | undefined;
  readonly localize: LocalizeController;
  query<T extends Element>(selector: string): T | null;
  errorMessage(error: unknown): string;
  dispatch(event: Event): boolean;
}
