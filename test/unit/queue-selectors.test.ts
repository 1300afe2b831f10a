// The queue's lists under a stream of session updates (src/elements/conecta-queue/queue-selectors.ts):
// after the first sort, each batch applied by EntityBatch only moves the sessions it changed. The lists
// must stay exactly what sorting every session again gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntityBatch } from '../../src/client/entity-batch.js';
import type { ConectaState } from '../../src/client/state.js';
import { Store } from '../../src/client/store.js';
import { lastInteractionAt, selectQueue, waitingFor } from '../../src/elements/conecta-queue/queue-selectors.js';
import type { Session } from '../../src/protocol/index.js';
import { aSession, ana, emptyFixture } from '../fixtures/fixtures.js';

/** A small deterministic generator (mulberry32): the same run every time. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['waiting', 'active', 'pending', 'finished'] as const;
const TEAMS = ['suporte', 'vendas', 'financeiro'];
const AGENTS = [ana.id, 'agent-bruno', null];

/** The lists by the definition: every session of the agent's, filtered and sorted from scratch. */
function expected(state: ConectaState) {
  const all = Object.values(state.sessions);
  const tie = (a: Session, b: Session) => (a.id < b.id ? -1 : 1);
  const mine = ana.teamIds as readonly string[];
  return {
    waiting: all
      .filter((s) => s.status === 'waiting' && mine.includes(s.teamId) && waitingFor(s, ana) !== 'other')
      .sort((a, b) => a.createdAt - b.createdAt || tie(a, b)),
    active: all
      .filter((s) => s.status === 'active' && (s.agentId === ana.id || s.invitedAgentIds.includes(ana.id)))
      .sort((a, b) => lastInteractionAt(b) - lastInteractionAt(a) || tie(a, b)),
    pending: all
      .filter((s) => s.status === 'pending' && s.agentId === ana.id)
      .sort((a, b) => lastInteractionAt(b) - lastInteractionAt(a) || tie(a, b)),
  };
}

describe('the queue selectors under a stream of updates', () => {
  it('keep each phase exactly as sorting every session again would, batch after batch', () => {
    const next = random(14);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const sessionAt = (i: number, version: number): Session =>
      aSession({
        id: `s${i}`,
        contactId: `c${i}`,
        status: pick(STATUSES),
        teamId: pick(TEAMS),
        agentId: pick(AGENTS),
        targetAgentId: next() < 0.1 ? pick([ana.id, 'agent-bruno']) : null,
        invitedAgentIds: next() < 0.1 ? [ana.id] : [],
        // Few distinct times: ties are common, and told apart by id.
        createdAt: Math.floor(next() * 50),
        lastMessageAt: next() < 0.8 ? Math.floor(next() * 50) : null,
        version,
      });
    const sessions = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`s${i}`, sessionAt(i, 1)]));
    const store = new Store({ ...emptyFixture(), sessions });
    const batch = new EntityBatch(store);
    const filter = { teamId: null, query: '' };
    assert.deepEqual(selectQueue(store.state, filter).lists, expected(store.state));
    for (let round = 0; round < 200; round++) {
      const size = 1 + Math.floor(next() * 20);
      for (let k = 0; k < size; k++) {
        const i = Math.floor(next() * 450); // some new sessions too
        const version = (store.state.sessions[`s${i}`]?.version ?? 0) + (next() < 0.9 ? 1 : 0); // some stale
        batch.add({ session: sessionAt(i, version) });
      }
      const before = selectQueue(store.state, filter).lists;
      batch.flush();
      const lists = selectQueue(store.state, filter).lists;
      assert.deepEqual(lists, expected(store.state), `round ${round}`);
      // A phase no update touched is the same array: the element's comparison stops at once.
      for (const phase of ['waiting', 'active', 'pending'] as const) {
        if (lists[phase] !== before[phase]) assert.notDeepEqual(lists[phase], before[phase], `round ${round}: ${phase} copied unchanged`);
      }
    }
  });
});
