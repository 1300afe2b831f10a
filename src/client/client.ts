import type { Contact, Session } from '../protocol/entities.js';
import type { ServerEvents } from '../protocol/events.js';
import type { HttpApi } from '../protocol/http.js';
import type { ConectaClientApi } from './api.js';
import { ClientCore } from './client-core.js';
import { EntityBatch } from './entity-batch.js';
import { requestJson } from './http.js';
import { absorbResult, firstSeqHeld, removeNote, setAgentPresence, setCatalog, setHasOlder, setNotes, upsertNote } from './reducers.js';
import { normalizeServer } from './registry.js';
import type { ConectaSocket, SocketFactory } from './socket/types.js';

export type { ConectaClientOptions } from './client-core.js';

/**
 * The one connection of a page to a Conecta server for one identity (an agent or a webchat visitor):
 * `ClientCore`, and what the agents' elements use besides — the queue, the catalog, notes, paging
 * back — with session and contact events applied once per frame (a queue may get a hundred a second).
 */
export class ConectaClient extends ClientCore implements ConectaClientApi {
  /** Log an agent in; the token goes to `shared({server, token})` or `<conecta-provider token>`. */
  static login(server: string, email: string, password: string): Promise<HttpApi['/api/auth/login']['response']> {
    return requestJson(`${normalizeServer(server)}/api/auth/login`, { body: { email, password } });
  }

  readonly #batch = new EntityBatch(this.store);

  async loadOlder(sessionId: string): Promise<boolean> {
    const beforeSeq = firstSeqHeld(this.store.state, sessionId);
    if (beforeSeq <= 1) {
      this.store.update((state) => setHasOlder(state, sessionId, false));
      return false;
    }
    const { hasOlder } = await this.command('session.older', { sessionId, beforeSeq, limit: 100 });
    this.store.update((state) => setHasOlder(state, sessionId, hasOlder));
    return hasOlder;
  }

  async loadCatalog(): Promise<void> {
    const catalog = await this.command('agent.catalog', {});
    this.store.update((state) => setCatalog(state, catalog));
  }

  async loadNotes(contactId: string): Promise<void> {
    const { notes } = await this.command('note.list', { contactId });
    this.store.update((state) => setNotes(state, contactId, notes));
  }

  async deleteNote(noteId: string): Promise<void> {
    const { contactId } = await this.command('note.delete', { noteId });
    this.store.update((state) => removeNote(state, contactId, noteId));
  }

  async loadQueue(): Promise<void> {
    const snapshot = await this.command('agent.snapshot', {});
    // Sessions that left the queue while we were away (taken by others, finished) are dropped,
    // unless an element still follows them.
    const listed = new Set(snapshot.sessions.map((session) => session.id));
    this.store.update((state) => {
      const stale = Object.keys(state.sessions).filter((id) => !listed.has(id) && !this.followed.has(id));
      if (stale.length === 0) return state;
      const sessions = { ...state.sessions };
      for (const id of stale) delete sessions[id];
      return { ...state, sessions };
    });
  }

  protected override absorb(data: unknown): void {
    // Events that arrived before this answer are older than it: apply them first.
    this.#batch.flush();
    this.store.update((state) => absorbResult(state, data));
  }

  protected override receiveEntities(entities: { session?: Session; contact?: Contact }): void {
    this.#batch.add(entities);
  }

  protected override forgetPending(): void {
    this.#batch.clear();
  }

  /**
   * Agents use socket.io-client, whose long-polling fallback gets through proxies that block
   * WebSockets (call centres often sit behind one); visitors keep the core's lite socket. Imported on
   * demand, so a visitor's `ConectaClient` does not load it.
   */
  protected override async defaultSocketFactory(): Promise<SocketFactory> {
    if (this.isVisitor) return super.defaultSocketFactory();
    const { io } = await import('socket.io-client');
    return io as SocketFactory;
  }

  protected override resync(): Promise<void> {
    if (this.isVisitor) return super.resync();
    // Colleagues may have come and gone while we were away: their presence events are lost.
    const catalog = this.store.state.catalog ? this.loadCatalog() : Promise.resolve();
    return Promise.all([this.loadQueue(), catalog]).then(() => undefined);
  }

  protected override listen(socket: ConectaSocket): void {
    socket.on('agent.presence', (presence: ServerEvents['agent.presence']) =>
      this.store.update((state) => setAgentPresence(state, presence)),
    );
    socket.on('note.updated', ({ note }: ServerEvents['note.updated']) => this.store.update((state) => upsertNote(state, note)));
    socket.on('note.deleted', ({ noteId, contactId }: ServerEvents['note.deleted']) =>
      this.store.update((state) => removeNote(state, contactId, noteId)),
    );
  }
}
