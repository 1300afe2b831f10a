import type { Contact, Session } from '../protocol/entities.js';
import { noteChanges } from './record-changes.js';
import { absorbResult } from './reducers.js';
import type { Store } from './store.js';

/** When the next flush runs: the next animation frame on a visible page, else a short timer. */
function nextFlush(run: () => void): () => void {
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function';
  if (visible) {
    const frame = requestAnimationFrame(run);
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(run, 50);
  return () => clearTimeout(timer);
}

/**
 * Session and contact updates gathered into one store update per frame. Each update of a record
 * copies it (the store is immutable), and a queue of 10,000 sessions may get 100 updates a second:
 * one copy per frame instead of one per event. Batches grow by themselves when the page is busy,
 * since frames then come less often.
 */
export class EntityBatch {
  #sessions: Session[] = [];
  #contacts: Contact[] = [];
  #cancel: (() => void) | null = null;

  constructor(private readonly store: Store) {}

  add(entities: { session?: Session; contact?: Contact }): void {
    if (entities.session) this.#sessions.push(entities.session);
    if (entities.contact) this.#contacts.push(entities.contact);
    this.#cancel ??= nextFlush(() => this.flush());
  }

  /** Apply everything gathered now (also before anything that must see it, e.g. a resync). */
  flush(): void {
    this.#cancel?.();
    this.#cancel = null;
    if (this.#sessions.length === 0 && this.#contacts.length === 0) return;
    const result = { sessions: this.#sessions, contacts: this.#contacts };
    this.#sessions = [];
    this.#contacts = [];
    this.store.update((state) => {
      const next = absorbResult(state, result);
      // The queue's selectors update their sorted lists with these instead of all 10,000 sessions.
      if (next.sessions !== state.sessions)
        noteChanges(
          next.sessions,
          state.sessions,
          result.sessions.map((session) => session.id),
        );
      return next;
    });
  }

  /** Forget what was gathered (the client closed). */
  clear(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#sessions = [];
    this.#contacts = [];
  }
}
