import type { Catalog, TypingIndicator } from '../../client/state.js';
import type { Agent, ClientMessage, Contact, Note, Session } from '../../protocol/index.js';
import type { AgentPartHost } from '../agent-part-host.js';

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
export interface SessionHost extends AgentPartHost {
  readonly view: SessionView;
  readonly sessionId: string;
  /** The time of the shared clock's last tick. */
  readonly now: number;
  /** Say something about the session as it stands now ("transferred"); '' clears it. */
  notify(text: string): void;
  /** Show an earlier session of the contact read-only, over the current one; focus returns to `returnFocusTo`. */
  showEarlier(session: Session, returnFocusTo: HTMLElement | null): void;
}
