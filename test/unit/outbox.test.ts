import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Outbox, type Transmit } from '../../src/client/outbox.js';
import { MAX_COMMAND_BYTES, type Ack } from '../../src/protocol/index.js';

/** A transmit whose answers the test controls: each call waits until the test settles it. */
function controlledTransmit() {
  const calls: { name: string; payload: unknown; answer(ack: Ack<unknown> | null): void }[] = [];
  const transmit: Transmit = (name, payload) =>
    new Promise((resolve, reject) => {
      calls.push({ name, payload, answer: (ack) => (ack ? resolve(ack) : reject(new Error('timeout'))) });
    });
  return { calls, transmit };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Outbox', () => {
  it('holds commands while offline and sends them when the connection returns', async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 10, maxAttempts: 3 });
    const result = outbox.enqueue('agent.snapshot', {});
    await tick();
    assert.equal(calls.length, 0);
    outbox.setOnline(true);
    await tick();
    assert.equal(calls.length, 1);
    calls[0].answer({ ok: true, data: 'done' });
    assert.equal(await result, 'done');
    assert.equal(outbox.size, 0);
  });

  it('sends one lane in order, one at a time, and other commands beside it', async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 10, maxAttempts: 3 });
    outbox.setOnline(true);
    const first = outbox.enqueue('message.send', { id: 'a' }, 's1');
    const second = outbox.enqueue('message.send', { id: 'b' }, 's1');
    const other = outbox.enqueue('session.sync', { sessionId: 's2' });
    await tick();
    assert.deepEqual(
      calls.map((c) => c.payload),
      [{ id: 'a' }, { sessionId: 's2' }],
    );
    calls[0].answer({ ok: true, data: 1 });
    await first;
    await tick();
    assert.deepEqual(
      calls.map((c) => c.payload),
      [{ id: 'a' }, { sessionId: 's2' }, { id: 'b' }],
    );
    calls[1].answer({ ok: true, data: 2 });
    calls[2].answer({ ok: true, data: 3 });
    assert.deepEqual([await second, await other], [3, 2]);
  });

  it('resends the same payload when an acknowledgement does not come, then gives up with TIMEOUT', async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 10, maxAttempts: 2 });
    outbox.setOnline(true);
    const result = outbox.enqueue('message.send', { id: 'a' }, 's1');
    await tick();
    calls[0].answer(null);
    await tick();
    assert.equal(calls.length, 2);
    assert.deepEqual(calls[1].payload, calls[0].payload);
    calls[1].answer(null);
    await assert.rejects(result, { name: 'ConectaError', code: 'TIMEOUT' });
  });

  it('does not count an attempt lost to a disconnection', async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 10, maxAttempts: 1 });
    outbox.setOnline(true);
    const result = outbox.enqueue('message.send', { id: 'a' }, 's1');
    await tick();
    outbox.setOnline(false);
    calls[0].answer(null);
    await tick();
    assert.equal(outbox.size, 1);
    outbox.setOnline(true);
    await tick();
    calls[1].answer({ ok: true, data: 'once' });
    assert.equal(await result, 'once');
  });

  it('resends at once after a reconnection instead of waiting for an attempt lost with the connection', async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 60_000, maxAttempts: 1 });
    outbox.setOnline(true);
    const first = outbox.enqueue('message.send', { id: 'a' }, 's1');
    const second = outbox.enqueue('message.send', { id: 'b' }, 's1');
    await tick();
    outbox.setOnline(false); // the first attempt's acknowledgement can no longer come
    outbox.setOnline(true);
    await tick();
    assert.deepEqual(
      calls.map((c) => c.payload),
      [{ id: 'a' }, { id: 'a' }],
    );
    calls[0].answer(null); // the lost attempt times out later: ignored, not counted
    calls[1].answer({ ok: true, data: 'a' });
    assert.equal(await first, 'a');
    await tick();
    calls[2].answer({ ok: true, data: 'b' });
    assert.equal(await second, 'b');
    assert.equal(calls.length, 3);
  });

  it('rejects with the server’s error code, message and fields', async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 10, maxAttempts: 3 });
    outbox.setOnline(true);
    const result = outbox.enqueue('contact.save', {});
    await tick();
    calls[0].answer({ ok: false, error: { code: 'CONFLICT', message: 'Taken', fields: { email: 'is already used' } } });
    await assert.rejects(result, { code: 'CONFLICT', message: 'Taken', fields: { email: 'is already used' } });
  });

  it('waits the retry time of a RATE_LIMITED answer and sends again, holding the lane behind it', { timeout: 5_000 }, async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 10, maxAttempts: 1 });
    outbox.setOnline(true);
    const first = outbox.enqueue('message.send', { id: 'a' }, 's1');
    const second = outbox.enqueue('message.send', { id: 'b' }, 's1');
    await tick();
    calls[0].answer({ ok: false, error: { code: 'RATE_LIMITED', message: 'Slow down', retryAfterMs: 30 } });
    await tick();
    assert.equal(calls.length, 1, 'not at once, and not the next one of the lane either');
    while (calls.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(calls[1].payload, { id: 'a' });
    calls[1].answer({ ok: true, data: 'a' });
    assert.equal(await first, 'a');
    await tick();
    calls[2].answer({ ok: true, data: 'b' });
    assert.equal(await second, 'b');
  });

  it('fails a RATE_LIMITED answer without a retry time as any refusal', async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 10, maxAttempts: 3 });
    outbox.setOnline(true);
    const result = outbox.enqueue('agent.snapshot', {});
    await tick();
    calls[0].answer({ ok: false, error: { code: 'RATE_LIMITED', message: 'Slow down' } });
    await assert.rejects(result, { code: 'RATE_LIMITED' });
  });

  it('fails a command over the frame limit at once with PAYLOAD_TOO_LARGE, never sending it', async () => {
    const { calls, transmit } = controlledTransmit();
    const outbox = new Outbox(transmit, { attemptTimeoutMs: 10, maxAttempts: 3 });
    outbox.setOnline(true);
    const result = outbox.enqueue('message.send', { id: 'a', text: 'é'.repeat(MAX_COMMAND_BYTES / 2) }, 's1');
    await assert.rejects(result, { code: 'PAYLOAD_TOO_LARGE' });
    await tick();
    assert.equal(calls.length, 0);
    assert.equal(outbox.size, 0);
  });
});
