import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LeasedJobs } from '../../server/src/cluster/job-leases.js';
import type { JobRun } from '../../server/src/cluster/jobs.js';
import { CuttableRedis, TestRedis } from './test-redis.js';

// Leases last 3 periods: 600 ms, past the stalls of a loaded 2-core machine.
const PERIOD_MS = 200;

interface Run extends JobRun {
  node: string;
  at: number;
}

/** A job every PERIOD_MS on each of `nodes`, recording which node ran it. */
/** Which node ran, and when, in ms from the first run: what a failure shows. */
const trace = (runs: Run[]) => runs.map((run) => `${run.node}@${Math.round(run.at - runs[0]!.at)}${run.firstRun ? '*' : ''}`).join(' ');

function schedule(nodes: Record<string, LeasedJobs>, runs: Run[], name: string) {
  for (const [node, jobs] of Object.entries(nodes)) {
    jobs.every(name, PERIOD_MS, async (run) => void runs.push({ node, at: performance.now(), ...run }));
  }
}

describe('periodic jobs on one node of a cluster at a time (leases in Redis)', () => {
  let redis: TestRedis;
  const errors: unknown[] = [];
  const logError = (error: unknown) => void errors.push(error);
  const node = async () => new LeasedJobs(await redis.client(), redis.prefix, logError);

  before(() => (redis = new TestRedis()));
  after(() => redis.close());

  it('runs a job once per period across two nodes, then on the survivor once the holder stops', async () => {
    const nodes = { a: await node(), b: await node() };
    const runs: Run[] = [];
    schedule(nodes, runs, 'once-a-period');
    await sleep(PERIOD_MS * 10);
    const holder = runs[0]!.node as 'a' | 'b';
    const survivor = holder === 'a' ? 'b' : 'a';
    // One node's runs only: about one a period (timers drift on a busy machine), not two.
    assert.ok(runs.length >= 3 && runs.length <= 12, `${runs.length} runs in 10 periods`);
    assert.deepEqual(new Set(runs.map((run) => run.node)), new Set([holder]), trace(runs));
    assert.deepEqual(
      runs.map((run) => run.firstRun),
      runs.map((_, i) => i === 0),
      trace(runs),
    );

    await nodes[holder].stop();
    const stoppedAt = performance.now();
    const before = runs.length;
    await sleep(PERIOD_MS * 4);
    const after = runs.slice(before);
    assert.ok(after.length > 0, 'the survivor took the job over');
    assert.deepEqual(new Set(after.map((run) => run.node)), new Set([survivor]));
    // Freed at once by a node that stops: taken at the survivor's next tick.
    assert.ok(after[0]!.at - stoppedAt <= PERIOD_MS * 3, `taken over after ${Math.round(after[0]!.at - stoppedAt)} ms`);
    assert.equal(after[0]!.firstRun, true);
    await nodes[survivor].stop();
    assert.deepEqual(errors, [], String(errors));
  });

  it('runs the job on another node once the holder dies without freeing its lease', async () => {
    const clients = { a: await redis.client(), b: await redis.client() };
    // The dead node's ticks fail (its Redis is gone): not the errors this suite checks for.
    const dying = {
      a: new LeasedJobs(clients.a, redis.prefix, () => undefined),
      b: new LeasedJobs(clients.b, redis.prefix, () => undefined),
    };
    const runs: Run[] = [];
    schedule(dying, runs, 'holder-dies');
    await sleep(PERIOD_MS * 4);
    const holder = runs[0]!.node as 'a' | 'b';
    // The holder loses Redis as a killed node would: it cannot renew, nor free, its lease.
    clients[holder].destroy();
    const diedAt = performance.now();
    const before = runs.length;
    await sleep(PERIOD_MS * 8);
    const after = runs.slice(before);
    assert.ok(after.length > 0, 'another node took the job over');
    assert.deepEqual(new Set(after.map((run) => run.node)), new Set([holder === 'a' ? 'b' : 'a']), 'a node without Redis runs nothing');
    // The lease lasts 3 periods unrenewed; then the next tick takes it.
    const takenAfter = after[0]!.at - diedAt;
    assert.ok(takenAfter >= PERIOD_MS * 1.5 && takenAfter <= PERIOD_MS * 6, `taken over after ${Math.round(takenAfter)} ms`);
    await Promise.all([dying.a.stop(), dying.b.stop()]);
  });

  it('stops promptly while Redis does not answer; its lease then expires for another node', async () => {
    const link = await CuttableRedis.connect();
    try {
      const nodes = { a: new LeasedJobs(link.client, redis.prefix, () => undefined, 200), b: await node() };
      const runs: Run[] = [];
      schedule({ a: nodes.a }, runs, 'stalled');
      await sleep(PERIOD_MS * 2);
      schedule({ b: nodes.b }, runs, 'stalled');
      link.cut();
      const stopping = performance.now();
      await nodes.a.stop();
      assert.ok(performance.now() - stopping < 1_000, `stopped in ${Math.round(performance.now() - stopping)} ms`);
      while (!runs.some((run) => run.node === 'b')) await sleep(PERIOD_MS);
      await nodes.b.stop();
      assert.equal(runs[0]!.node, 'a');
    } finally {
      link.close();
    }
  });

  it('keeps the jobs apart: each has its lease, held by whichever node took it', async () => {
    const nodes = { a: await node(), b: await node() };
    const expiry: Run[] = [];
    const openings: Run[] = [];
    schedule(nodes, expiry, 'apart-1');
    schedule(nodes, openings, 'apart-2');
    await sleep(PERIOD_MS * 4);
    await Promise.all([nodes.a.stop(), nodes.b.stop()]);
    assert.equal(new Set(expiry.map((run) => run.node)).size, 1, trace(expiry));
    assert.equal(new Set(openings.map((run) => run.node)).size, 1, trace(openings));
    assert.ok(expiry.length > 0 && openings.length > 0);
  });
});
