import type { ConectaClientApi } from '../../client/api.js';
import type { Catalog, TypingIndicator } from '../../client/state.js';
import type { ClientHost } from '../../controllers/store-selection.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { Agent, ClientMessage, Contact, Note, Session } from '../../protocol/index.js';

/** What the session's store selection holds. */
export interface SessionView {
  session: Session | undefined;
  contact: Contact | undefined;
  messages: readonly ClientMessage[];
  me: Agent | null;
  catalog: Catalog | null;
  hasOlder: boolean;
  typing: readonly TypingIndicator[];
  notes: readonly Note[] | undefined;
}

/**
 * What the session's private parts (header, notice, composer, dialogs, side panel, earlier session,
 * read marker) need of the element. It is a `ClientHost`, so a part can hold a store selection of its own.
 */
export interface SessionHost extends ClientHost {
  readonly client: ConectaClientApi | undefined;
  readonly localize: LocalizeController;
  readonly view: SessionView;
  readonly sessionId: string;
  /** The time of the shared clock's last tick. */
  readonly now: number;
  query<T extends Element>(selector: string): T | null;
  errorMessage(error: unknown): string;
  dispatch(event: Event): boolean;
  /** Say something about the session as it stands now ("transferred"); '' clears it. */
  notify(text: string): void;
  /** Show an earlier session of the contact read-only, over the current one; focus returns to `returnFocusTo`. */
  showEarlier(session: Session, returnFocusTo: HTMLElement | null): void;
}
