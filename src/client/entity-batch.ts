import type { Contact, Session } from '../protocol/entities.js';
import { noteChanges } from './record-changes.js';
import { absorbResult } from './reducers.js';
import type { Store } from './store.js';

/**
 * When the next flush runs: the first animation frame from `notBefore` (a `performance.now()` time)
 * on a visible page, else a short timer.
 */
function nextFlush(run: () => void, notBefore: number): () => void {
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function';
  if (visible) {
    let frame = 0;
    const tick = (now: number) => (now >= notBefore ? run() : (frame = requestAnimationFrame(tick)));
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(run, Math.max(50, notBefore - performance.now()));
  return () => clearTimeout(timer);
}

/** At most this share of the time goes to flushing: after a flush of 4 ms, the next waits 36 ms. */
const FLUSH_SHARE = 0.1;
/** However long a flush took (a pause of the whole page, say), updates show within this. */
const MAX_WAIT_MS = 200;

/**
 * Session and contact updates gathered into one store update per frame. Each update of a record
 * copies it (the store is immutable), and a queue of 10,000 sessions may get 1,000 updates a second:
 * one copy per frame instead of one per event, and fewer when copying takes long (`FLUSH_SHARE`).
 * Batches grow by themselves when the page is busy, since frames then come less often.
 */
export class EntityBatch {
  #sessions: Session[] = [];
  #contacts: Contact[] = [];
  #cancel: (() => void) | null = null;
  /** No flush before this time: the last one was costly (a large record to copy). */
  #notBefore = 0;

  constructor(private readonly store: Store) {}

  add(entities: { session?: Session; contact?: Contact }): void {
    if (entities.session) this.#sessions.push(entities.session);
    if (entities.contact) this.#contacts.push(entities.contact);
    this.#cancel ??= nextFlush(() => this.flush(), this.#notBefore);
  }

  /** Apply everything gathered now (also before anything that must see it, e.g. a resync). */
  flush(): void {
    this.#cancel?.();
    this.#cancel = null;
    if (this.#sessions.length === 0 && this.#contacts.length === 0) return;
    const result = { sessions: this.#sessions, contacts: this.#contacts };
    this.#sessions = [];
    this.#contacts = [];
    const started = performance.now();
    this.store.update((state) => {
      const next = absorbResult(state, result);
      // The queue's selectors update their sorted lists with these instead of all 10,000 sessions.
      const ids = result.sessions.map((session) => session.id);
      if (next.sessions !== state.sessions) noteChanges(next.sessions, state.sessions, ids);
      return next;
    });
    // Copying 10,000 sessions takes milliseconds: under a stream of updates, flush less often
    // rather than spend every frame copying (the updates wait a few frames, and none is lost).
    const finished = performance.now();
    this.#notBefore = finished + Math.min(MAX_WAIT_MS, ((finished - started) * (1 - FLUSH_SHARE)) / FLUSH_SHARE);
  }

  /** Forget what was gathered (the client closed). */
  clear(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#sessions = [];
    this.#contacts = [];
  }
}
