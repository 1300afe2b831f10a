import type { ClientMessage } from '../protocol/entities.js';
import { addLocalMessage } from './reducers.js';
import { localMessage } from './local-message.js';
import { PersistedOutbox, type PendingMessage } from './persisted-outbox.js';
import type { Store } from './store.js';

/** Sends a message; `owner` is the contact whose persisted copy to drop once the server stored or refused it. */
export type Deliver = (message: ClientMessage, owner: string | null) => void;

/**
 * A visitor's messages on their way: each is kept in the persisted outbox before it is sent, and what
 * an earlier page (or tab) left unsent is sent again. Every write runs after the earlier ones: the
 * chain starts behind the loading of what an earlier page left, so old messages go before new ones.
 */
export class VisitorOutbox {
  readonly #persisted: PersistedOutbox;
  readonly #store: Store;
  readonly #deliver: Deliver;
  #chain: Promise<void> = Promise.resolve();

  constructor(server: string, channelKey: string, store: Store, deliver: Deliver) {
    this.#persisted = new PersistedOutbox(server, channelKey);
    this.#store = store;
    this.#deliver = deliver;
  }

  /** Run after every earlier write to the persisted outbox (errors are the task's own business). */
  after(task: () => Promise<unknown> | void): Promise<void> {
    const run = this.#chain.then(task).then(
      () => {},
      () => {},
    );
    this.#chain = run;
    return run;
  }

  /** Keep the message, then send it. */
  persistThenDeliver(message: ClientMessage): void {
    const writtenBy = this.#store.state.visitor?.contactId;
    void this.after(async () => {
      // Written before the visitor was known: it is the one the start just found.
      const owner = writtenBy ?? this.#store.state.visitor?.contactId ?? null;
      if (owner) await this.#persisted.save(owner, pendingOf(message));
      this.#deliver(message, owner);
    });
  }

  /** The server stored or refused the message for good: a reload must not send it again. */
  remove(messageId: string): Promise<void> {
    return this.#persisted.remove(messageId);
  }

  /** Forget the kept messages of one visitor, or of every visitor of this channel, after the earlier writes. */
  clear(contactId?: string): void {
    void this.after(() => this.#persisted.clear(contactId));
  }

  /** Send what an earlier page (or tab) of this visitor left unsent, in the order it was written. */
  async replay(): Promise<void> {
    const store = this.#store;
    const visitor = store.state.visitor;
    if (!visitor) return;
    const pending = await this.#persisted.load(visitor.contactId);
    for (const message of pending) {
      if (store.state.visitor?.contactId !== visitor.contactId) return; // another visitor meanwhile
      if (store.state.messages[message.sessionId]?.some((held) => held.id === message.id)) continue;
      // Shown as when it was written: its own id, time and author, `sending` again.
      const local: ClientMessage = { ...localMessage(store.state, { ...message, asVisitor: true }), ...message };
      store.update((state) => addLocalMessage(state, local));
      this.#deliver(local, visitor.contactId);
    }
  }
}

function pendingOf({ id, sessionId, text, attachments, createdAt, authorId, authorName }: ClientMessage): PendingMessage {
  return { id, sessionId, text, attachments, createdAt, authorId, authorName };
}
