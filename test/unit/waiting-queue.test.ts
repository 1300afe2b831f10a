// How far the store holds a paged waiting queue (src/client/waiting-queue.ts): pages only extend it,
// answers that cross or outlive a snapshot never leave a gap, a team's list starts where every team's ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConectaState } from '../../src/client/state.js';
import { addWaitingPage, setWaitingCount, setWaitingSnapshot, waitingLoadedUntil } from '../../src/client/waiting-queue.js';
import type { QueueCursor } from '../../src/protocol/index.js';
import { emptyFixture } from '../fixtures/fixtures.js';

const at = (createdAt: number, id = `s-${createdAt}`): QueueCursor => ({ createdAt, id });
const counts = { suporte: 300, vendas: 20 };

function snapshotUntil(next: QueueCursor | null): ConectaState {
  return setWaitingSnapshot(emptyFixture(), { counts, next });
}

describe('the held part of a paged waiting queue', () => {
  it('is the whole queue when the server never said it pages (a mock, a state set by hand)', () => {
    assert.equal(waitingLoadedUntil(emptyFixture(), null), null);
    assert.equal(waitingLoadedUntil(emptyFixture(), 'suporte'), null);
  });

  it('grows with each page, and a page that ends the list makes it whole', () => {
    let state = snapshotUntil(at(50));
    state = addWaitingPage(state, null, at(50), { counts, next: at(100) });
    assert.deepEqual(waitingLoadedUntil(state, null), at(100));
    state = addWaitingPage(state, null, at(100), { counts: { suporte: 120, vendas: 20 }, next: null });
    assert.equal(waitingLoadedUntil(state, null), null);
    assert.deepEqual(state.waitingQueue!.counts, { suporte: 120, vendas: 20 });
  });

  it('never shrinks when answers cross', () => {
    let state = snapshotUntil(at(50));
    state = addWaitingPage(state, null, at(50), { counts, next: at(150) });
    state = addWaitingPage(state, null, at(50), { counts, next: at(100) });
    assert.deepEqual(waitingLoadedUntil(state, null), at(150));
  });

  it('ignores the end of a page asked past what a newer snapshot holds (its sessions would leave a gap)', () => {
    const asked = at(100);
    const state = addWaitingPage(snapshotUntil(at(50)), null, asked, { counts, next: at(150) });
    assert.deepEqual(waitingLoadedUntil(state, null), at(50));
  });

  it("holds one team's list as far as its own pages or every team's reach, whichever is later", () => {
    let state = snapshotUntil(at(50));
    assert.deepEqual(waitingLoadedUntil(state, 'vendas'), at(50));
    state = addWaitingPage(state, 'vendas', at(50), { counts, next: at(400) });
    assert.deepEqual(waitingLoadedUntil(state, 'vendas'), at(400));
    assert.deepEqual(waitingLoadedUntil(state, null), at(50), "every team's list is held no further");
    state = addWaitingPage(state, null, at(50), { counts, next: at(500) });
    assert.deepEqual(waitingLoadedUntil(state, 'vendas'), at(500));
  });

  it('ties go by id, by code unit', () => {
    let state = snapshotUntil(at(50, 'b'));
    state = addWaitingPage(state, null, at(50, 'b'), { counts, next: at(50, 'a') });
    assert.deepEqual(waitingLoadedUntil(state, null), at(50, 'b'), "'a' sorts before 'b': not further");
    state = addWaitingPage(state, null, at(50, 'b'), { counts, next: at(50, 'c') });
    assert.deepEqual(waitingLoadedUntil(state, null), at(50, 'c'));
  });

  it('takes the counts of queue.counts events, and keeps the state when nothing changed', () => {
    const state = snapshotUntil(at(50));
    const next = setWaitingCount(state, 'suporte', 301);
    assert.equal(next.waitingQueue!.counts.suporte, 301);
    assert.equal(setWaitingCount(next, 'suporte', 301), next);
    assert.equal(setWaitingCount(emptyFixture(), 'suporte', 1).waitingQueue, undefined, 'not paged: nothing to count');
  });
});
