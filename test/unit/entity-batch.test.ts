import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConectaClient } from '../../src/client/client.js';
import { EntityBatch } from '../../src/client/entity-batch.js';
import type { ConectaSocket } from '../../src/client/socket/types.js';
import { Store } from '../../src/client/store.js';
import { ana } from '../fixtures/fixtures.js';
import { aContact, aSession } from './factories.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

describe('EntityBatch', () => {
  it('applies a burst of session updates in one store update, newest version winning', async () => {
    const store = new Store();
    let updates = 0;
    store.subscribe(() => updates++);
    const batch = new EntityBatch(store);
    batch.add({ session: aSession({ id: 's1', version: 2, lastMessageText: 'two' }), contact: aContact() });
    batch.add({ session: aSession({ id: 's1', version: 3, lastMessageText: 'three' }) });
    batch.add({ session: aSession({ id: 's1', version: 1, lastMessageText: 'stale' }) });
    batch.add({ session: aSession({ id: 's2', version: 1 }) });
    assert.equal(updates, 0, 'nothing is applied before the flush');
    await settle();
    assert.equal(updates, 1);
    assert.equal(store.state.sessions.s1!.lastMessageText, 'three');
    assert.ok(store.state.sessions.s2);
    assert.equal(store.state.contacts.c1!.name, 'Carla');
  });

  it('flushes on demand (before a command answer) and forgets everything when cleared', async () => {
    const store = new Store();
    const batch = new EntityBatch(store);
    batch.add({ session: aSession({ id: 's1' }) });
    batch.flush();
    assert.ok(store.state.sessions.s1, 'flush applies at once');
    batch.add({ session: aSession({ id: 's9' }) });
    batch.clear();
    await settle();
    assert.equal(store.state.sessions.s9, undefined);
  });

  it('lets an agent’s queue snapshot drop a session whose last event came just before it', async () => {
    // Several listeners per event, as on a real socket (the agent client adds its own to the core's).
    const listeners = new Map<string, ((...args: any[]) => void)[]>();
    const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((listener) => listener(...args));
    const socket: ConectaSocket = {
      connected: true,
      active: true,
      auth: {},
      on(event, listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return this;
      },
      off() {
        return this;
      },
      connect() {
        return this;
      },
      disconnect() {
        return this;
      },
      timeout: () => ({
        emitWithAck: async () => {
          // The session is taken by a colleague: its event arrives, then the snapshot that leaves it out.
          emit('session.updated', { session: aSession({ id: 'taken' }), contact: aContact() });
          return { ok: true, data: { agent: ana, teams: [], sessions: [], contacts: [], waiting: { counts: {}, next: null } } };
        },
      }),
    };
    const client = new ConectaClient({ server: 'https://chat.example.com', token: 't', socketFactory: () => socket });
    try {
      void client.connect();
      emit('connect');
      await client.loadQueue();
      await settle(); // any batch left behind would be applied by now
      assert.equal(client.store.state.sessions.taken, undefined);
    } finally {
      client.close();
    }
  });
});
