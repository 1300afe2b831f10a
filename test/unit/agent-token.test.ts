import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { AgentTokenRenewal, FIRST_RETRY_MS, MAX_RETRY_MS, type AgentToken } from '../../src/client/agent-token.js';

const MINUTE = 60_000;

/** A back end that hands out `token-1`, `token-2`, … each valid for `lifetimeMs` from now, or fails while `down`. */
function tokenBackEnd(lifetimeMs = 10 * MINUTE) {
  const backEnd = {
    calls: 0,
    down: false,
    getToken: async (): Promise<AgentToken> => {
      backEnd.calls += 1;
      if (backEnd.down) throw new Error('CRM back end unavailable');
      return { token: `token-${backEnd.calls}`, expiresAt: Date.now() + lifetimeMs };
    },
  };
  return backEnd;
}

/** Let promise callbacks run (the renewal awaits getToken and the swap). */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('AgentTokenRenewal', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
  afterEach(() => mock.timers.reset());

  it('asks getToken at the first handshake, then reuses the token while it has life left', async () => {
    const backEnd = tokenBackEnd();
    const renewal = new AgentTokenRenewal(backEnd.getToken, async () => undefined);
    assert.equal(await renewal.forHandshake(), 'token-1');
    assert.equal(await renewal.forHandshake(), 'token-1');
    assert.equal(backEnd.calls, 1);
    renewal.stop();
  });

  it('asks once however many handshakes wait at the same time', async () => {
    const backEnd = tokenBackEnd();
    const renewal = new AgentTokenRenewal(backEnd.getToken, async () => undefined);
    const tokens = await Promise.all([renewal.forHandshake(), renewal.forHandshake(), renewal.forHandshake()]);
    assert.deepEqual(tokens, ['token-1', 'token-1', 'token-1']);
    assert.equal(backEnd.calls, 1);
    renewal.stop();
  });

  it('renews at 80 % of the lifetime and swaps the new token on the socket, with the expiry the server gives', async () => {
    const backEnd = tokenBackEnd(10 * MINUTE);
    const swapped: string[] = [];
    const renewal = new AgentTokenRenewal(backEnd.getToken, async (token) => {
      swapped.push(token);
      return Date.now() + 5 * MINUTE; // the server's word wins over the back end's
    });
    await renewal.forHandshake();
    mock.timers.tick(8 * MINUTE - 1);
    await settle();
    assert.deepEqual(swapped, [], 'not before 80 %');
    mock.timers.tick(1);
    await settle();
    assert.deepEqual(swapped, ['token-2']);
    assert.equal(renewal.token, 'token-2');
    // The next renewal follows the server's expiry: 80 % of 5 minutes.
    mock.timers.tick(4 * MINUTE);
    await settle();
    assert.deepEqual(swapped, ['token-2', 'token-3']);
    renewal.stop();
  });

  it('retries a failed renewal with doubling waits up to 30 s, then goes back to the normal rhythm', async () => {
    const backEnd = tokenBackEnd(10 * MINUTE);
    const swapped: string[] = [];
    const renewal = new AgentTokenRenewal(backEnd.getToken, async (token) => {
      swapped.push(token);
      return undefined;
    });
    await renewal.forHandshake();
    backEnd.down = true;
    mock.timers.tick(8 * MINUTE);
    await settle();
    assert.equal(renewal.failures, 1);
    const waits = [FIRST_RETRY_MS, 2_000, 4_000, 8_000, 16_000, MAX_RETRY_MS, MAX_RETRY_MS];
    for (const [index, wait] of waits.entries()) {
      const calls = backEnd.calls;
      mock.timers.tick(wait - 1);
      await settle();
      assert.equal(backEnd.calls, calls, `retry ${index + 1} waits ${wait} ms`);
      mock.timers.tick(1);
      await settle();
      assert.equal(backEnd.calls, calls + 1, `retry ${index + 1} after ${wait} ms`);
    }
    assert.equal(renewal.failures, waits.length + 1);
    backEnd.down = false;
    mock.timers.tick(MAX_RETRY_MS);
    await settle();
    assert.equal(renewal.failures, 0);
    assert.equal(swapped.length, 1);
    const calls = backEnd.calls;
    mock.timers.tick(8 * MINUTE);
    await settle();
    assert.equal(backEnd.calls, calls + 1, 'renewed again at 80 % of the new lifetime');
    renewal.stop();
  });

  it('retries when the swap on the socket fails, not only when getToken does', async () => {
    const backEnd = tokenBackEnd(10 * MINUTE);
    let refuse = true;
    const renewal = new AgentTokenRenewal(backEnd.getToken, async () => {
      if (refuse) throw new Error('TIMEOUT');
      return undefined;
    });
    await renewal.forHandshake();
    mock.timers.tick(8 * MINUTE);
    await settle();
    assert.equal(renewal.failures, 1);
    mock.timers.tick(FIRST_RETRY_MS);
    await settle();
    assert.equal(renewal.failures, 2, 'the backoff grows while the swap keeps failing');
    refuse = false;
    mock.timers.tick(2_000);
    await settle();
    assert.equal(renewal.failures, 0);
    renewal.stop();
  });

  it('after discard (the server ended the token) the next handshake asks for a new one, and no renewal is pending', async () => {
    const backEnd = tokenBackEnd(10 * MINUTE);
    const renewal = new AgentTokenRenewal(backEnd.getToken, async () => undefined);
    await renewal.forHandshake();
    renewal.discard();
    mock.timers.tick(10 * MINUTE);
    await settle();
    assert.equal(backEnd.calls, 1, 'no renewal of a discarded token');
    assert.equal(await renewal.forHandshake(), 'token-2');
    renewal.stop();
  });

  it('does not connect with a token about to expire', async () => {
    const backEnd = tokenBackEnd(10 * MINUTE);
    const renewal = new AgentTokenRenewal(backEnd.getToken, async () => undefined);
    await renewal.forHandshake();
    renewal.stop(); // no renewal: the token is left to age
    mock.timers.tick(10 * MINUTE - 4_000);
    assert.equal(await renewal.forHandshake(), 'token-2');
  });

  it('refuses an answer of getToken without token or expiry', async () => {
    const renewal = new AgentTokenRenewal(
      async () => ({ token: 'x' }) as AgentToken,
      async () => undefined,
    );
    await assert.rejects(renewal.forHandshake(), /getToken\(\) must resolve with \{token, expiresAt\}/);
  });

  it('stops renewing once stopped (the client closed)', async () => {
    const backEnd = tokenBackEnd(10 * MINUTE);
    const renewal = new AgentTokenRenewal(backEnd.getToken, async () => undefined);
    await renewal.forHandshake();
    renewal.stop();
    mock.timers.tick(60 * MINUTE);
    await settle();
    assert.equal(backEnd.calls, 1);
  });
});
