import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { COMMAND_EVENT } from '../../src/protocol/index.js';
import {
  ANA,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  startTestServer,
  startWithAgents,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

describe('bad input never crashes the server', () => {
  let t: TestServer;
  let ana: TestSocket;
  let visitor: VisitorSocket;
  before(async () => {
    ({
      t,
      agents: [ana],
    } = await startWithAgents([ANA]));
    visitor = await connectVisitor(t.url);
  });
  after(async () => {
    visitor.close();
    await t.close();
  });

  it('answers UNKNOWN_COMMAND for a name no command has', async () => {
    const answer = await ana.command('session.delete' as never, {});
    assert.equal(!answer.ok && answer.error.code, 'UNKNOWN_COMMAND');
    const notAString = await ana.socket.timeout(2000).emitWithAck(COMMAND_EVENT, 42, {});
    assert.equal(notAString.error.code, 'UNKNOWN_COMMAND');
  });

  it('answers INVALID_PAYLOAD with (payload) for a payload that is not an object', async () => {
    for (const payload of [null, 'text', 7, [1, 2], undefined]) {
      const answer = await ana.command('agent.snapshot', payload);
      assert.equal(!answer.ok && answer.error.code, 'INVALID_PAYLOAD');
      assert.ok(!answer.ok && answer.error.fields?.['(payload)'], `fields for ${JSON.stringify(payload)}`);
    }
  });

  it('answers INVALID_PAYLOAD with one message per field: missing, wrong type, unknown key, out of bounds', async () => {
    const missing = await ana.command('message.send', { sessionId: 's1', text: 'hi' });
    assert.deepEqual(!missing.ok && Object.keys(missing.error.fields ?? {}), ['id']);
    const wrongType = await ana.command('session.sync', { sessionId: 's1', afterSeq: 'zero' });
    assert.ok(!wrongType.ok && wrongType.error.fields?.afterSeq);
    const negative = await ana.command('session.sync', { sessionId: 's1', afterSeq: -1 });
    assert.ok(!negative.ok && negative.error.fields?.afterSeq);
    const unknownKey = await ana.command('session.accept', { sessionId: 's1', force: true });
    assert.ok(!unknownKey.ok && unknownKey.error.fields?.force);
    const blank = await visitor.command('message.send', { id: randomUUID(), sessionId: 's1', text: '   ' });
    assert.equal(!blank.ok && blank.error.fields?.text, 'must not be empty');
    const tooLong = await visitor.command('message.send', { id: randomUUID(), sessionId: 's1', text: 'x'.repeat(4097) });
    assert.match(!tooLong.ok ? (tooLong.error.fields?.text ?? '') : '', /too long/);
  });

  it('answers FORBIDDEN to a command of the other kind of identity', async () => {
    const agentAsVisitor = await ana.command('webchat.sessions', {});
    assert.equal(!agentAsVisitor.ok && agentAsVisitor.error.code, 'FORBIDDEN');
    const visitorAsAgent = await visitor.command('agent.snapshot', {});
    assert.equal(!visitorAsAgent.ok && visitorAsAgent.error.code, 'FORBIDDEN');
    const visitorSaves = await visitor.command('contact.save', { id: 'x', name: 'Hacker' });
    assert.equal(!visitorSaves.ok && visitorSaves.error.code, 'FORBIDDEN');
  });

  it('survives a command with no acknowledgement callback and keeps serving', async () => {
    ana.socket.emit(COMMAND_EVENT, 'agent.snapshot', {});
    ana.socket.emit(COMMAND_EVENT, 'nope');
    ana.socket.emit(COMMAND_EVENT);
    ana.socket.emit(COMMAND_EVENT, { weird: true }, [], 3);
    await delay(30);
    assert.equal(ana.socket.connected, true);
    assert.equal((await ana.command('agent.snapshot', {})).ok, true);
  });
});

describe('rate limit', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer({ rateLimits: { commands: { perSecond: 5, burst: 10 } } })));
  after(() => t.close());

  it('answers RATE_LIMITED past the burst, with a retry time, and serves again after it', async () => {
    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const answers = await Promise.all(Array.from({ length: 20 }, () => ana.command('agent.snapshot', {})));
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
    assert.ok(answers.filter((a) => a.ok).length >= 10);
    assert.ok(limited.length >= 8, `limited ${limited.length}`);

    const retryAfterMs = Math.max(...limited.map((a) => (!a.ok && a.error.retryAfterMs) || 0));
    assert.ok(retryAfterMs > 0);
    await delay(retryAfterMs);
    assert.equal((await ana.command('agent.snapshot', {})).ok, true);
    ana.close();
  });
});
