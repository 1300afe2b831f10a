import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loggedInTodayAt, setAvailability, setLoggedInToday } from '../../src/client/availability-reducers.js';
import { absorbResult } from '../../src/client/reducers.js';
import { initialState, type ConectaState } from '../../src/client/state.js';
import type { AgentAvailability } from '../../src/protocol/index.js';
import { ana, bruno, catalogFixture } from '../fixtures/fixtures.js';

const state: ConectaState = { ...initialState, me: ana, catalog: catalogFixture };
const paused = (agentId: string, since: number): AgentAvailability => ({
  agentId,
  state: 'paused',
  pauseTypeId: 'pause-lunch',
  since,
  pauseLimitMs: 3_600_000,
});

describe('availability in the store', () => {
  it('keeps the agent’s own availability, and a colleague’s in the catalog', () => {
    const mine = setAvailability(state, paused(ana.id, 10));
    assert.deepEqual(mine.availability, paused(ana.id, 10));
    assert.deepEqual(mine.catalog!.agents.find((a) => a.id === ana.id)!.availability, paused(ana.id, 10));
    const theirs = setAvailability(mine, paused(bruno.id, 20));
    assert.deepEqual(theirs.availability, paused(ana.id, 10), 'a colleague’s pause is not mine');
    assert.deepEqual(theirs.catalog!.agents.find((a) => a.id === bruno.id)!.availability, paused(bruno.id, 20));
  });

  it('never lets older news overwrite newer', () => {
    const now = setAvailability(state, paused(ana.id, 100));
    const stale = setAvailability(now, { ...paused(ana.id, 50), state: 'online', pauseTypeId: null });
    assert.equal(stale.availability?.state, 'paused');
  });

  it('takes the snapshot’s availability and time logged in today, and counts on from there', () => {
    const next = absorbResult(state, { agent: ana, availability: paused(ana.id, 5), loggedInTodayMs: 60_000 });
    assert.equal(next.availability?.state, 'paused');
    const at = next.loggedInToday!.at;
    assert.equal(loggedInTodayAt(next.loggedInToday, at + 30_000), 90_000);
    assert.equal(loggedInTodayAt(setLoggedInToday(next, 1_000, 500).loggedInToday, 400), 1_000, 'never less than the server counted');
    assert.equal(loggedInTodayAt(initialState.loggedInToday, 0), null);
  });
});
