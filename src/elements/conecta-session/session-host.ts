import type { ReactiveControllerHost } from 'lit';
import type { ConectaClientApi } from '../../client/api.js';
import type { Catalog, TypingIndicator } from '../../client/state.js';
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

/** What the session's private parts (header, composer, dialogs, side panel) need of the element. */
export interface SessionHost extends ReactiveControllerHost {
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
