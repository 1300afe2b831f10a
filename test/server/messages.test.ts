import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MAX_MESSAGE_LENGTH } from '../../src/protocol/index.js';
import {
  ANA,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  startWithAgents,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

describe('messages and resync', () => {
  let t: TestServer;
  let ana: TestSocket;
  let maria: VisitorSocket;
  let sessionId: string;
  before(async () => {
    ({
      t,
      agents: [ana],
    } = await startWithAgents([ANA]));
    maria = await connectVisitor(t.url);
    sessionId = randomUUID();
    await maria.ok('webchat.start', { sessionId, name: 'Maria', teamId: 'tm-suporte' });
    await ana.ok('session.accept', { sessionId });
  });
  after(async () => {
    maria.close();
    await t.close();
  });

  it('resending a message id returns the original message, stores one row and emits no second event', async () => {
    const id = randomUUID();
    const first = await maria.ok('message.send', { id, sessionId, text: 'Where is my order?' });
    await ana.waitFor('message.created', (e) => e.message.id === id);
    const retry = await maria.ok('message.send', { id, sessionId, text: 'Where is my order?' });
    assert.deepEqual(retry.message, first.message);
    assert.equal(retry.session.lastSeq, first.session.lastSeq);
    assert.equal(retry.session.version, first.session.version);
    assert.equal(await t.server.repo.countMessages(sessionId), 2, 'the accept\u2019s system message and this one');
    await delay(50);
    assert.equal(ana.received('message.created', (e) => e.message.id === id).length, 1);
  });

  it('a retry of a stored message succeeds even after the session was finished', async () => {
    const otherSession = randomUUID();
    const joao = await connectVisitor(t.url);
    await joao.ok('webchat.start', { sessionId: otherSession, name: 'João', teamId: 'tm-suporte' });
    joao.close();
    await ana.ok('session.accept', { sessionId: otherSession });
    const id = randomUUID();
    const first = await ana.ok('message.send', { id, sessionId: otherSession, text: 'Bye' });
    await ana.ok('session.finish', { sessionId: otherSession });
    const retry = await ana.ok('message.send', { id, sessionId: otherSession, text: 'Bye' });
    assert.deepEqual(retry.message, first.message);
  });

  it('refuses a message id already used in another session or by another author with CONFLICT', async () => {
    const id = randomUUID();
    await maria.ok('message.send', { id, sessionId, text: 'mine' });
    const byAgent = await ana.command('message.send', { id, sessionId, text: 'mine' });
    assert.equal(!byAgent.ok && byAgent.error.code, 'CONFLICT');

    const elsewhere = randomUUID();
    const joao = await connectVisitor(t.url);
    await joao.ok('webchat.start', { sessionId: elsewhere, name: 'João', teamId: 'tm-suporte' });
    const otherSession = await joao.command('message.send', { id, sessionId: elsewhere, text: 'mine' });
    joao.close();
    assert.equal(!otherSession.ok && otherSession.error.code, 'CONFLICT');
  });

  it('takes a text of MAX_MESSAGE_LENGTH characters after trimming, and refuses one more with fields.text', async () => {
    const longest = 'a'.repeat(MAX_MESSAGE_LENGTH);
    const sent = await maria.ok('message.send', { id: randomUUID(), sessionId, text: `  ${longest}\n` });
    assert.equal(sent.message.text, longest);
    const ack = await maria.command('message.send', { id: randomUUID(), sessionId, text: `${longest}a` });
    assert.equal(ack.ok, false);
    assert.equal(!ack.ok && ack.error.code, 'INVALID_PAYLOAD');
    assert.match((!ack.ok && ack.error.fields?.text) || '', new RegExp(`${MAX_MESSAGE_LENGTH}`));
  });

  it('session.sync answers only the messages after afterSeq, in seq order, with the session and contact', async () => {
    const sent = [];
    for (const text of ['one', 'two', 'three']) sent.push((await ana.ok('message.send', { id: randomUUID(), sessionId, text })).message);
    const all = await maria.ok('session.sync', { sessionId, afterSeq: 0 });
    assert.deepEqual(
      all.messages.map((m) => m.seq),
      Array.from({ length: all.session.lastSeq }, (_, i) => i + 1),
    );
    const later = await maria.ok('session.sync', { sessionId, afterSeq: sent[0]!.seq });
    assert.deepEqual(
      later.messages.map((m) => m.text),
      ['two', 'three'],
    );
    assert.equal(later.session.id, sessionId);
    assert.equal(later.contact.id, maria.visitor.contactId);
    const defaulted = await maria.ok('session.sync', { sessionId });
    assert.equal(defaulted.messages.length, all.messages.length);
  });

  it('session.sync subscribes the socket to the session’s messages', async () => {
    const bystander = await connectAgent(t.url, await loginAgent(t.url, 'bruno@demo.conecta.dev'));
    await bystander.ok('session.sync', { sessionId, afterSeq: 0 });
    const { message } = await maria.ok('message.send', { id: randomUUID(), sessionId, text: 'anyone?' });
    await bystander.waitFor('message.created', (e) => e.message.id === message.id);
    bystander.close();
  });

  it('a visitor cannot sync or write in another visitor’s session (NOT_FOUND, existence not revealed)', async () => {
    const stranger = await connectVisitor(t.url);
    const sync = await stranger.command('session.sync', { sessionId, afterSeq: 0 });
    assert.equal(!sync.ok && sync.error.code, 'NOT_FOUND');
    const missing = await stranger.command('session.sync', { sessionId: 'does-not-exist', afterSeq: 0 });
    assert.deepEqual(!sync.ok && sync.error, !missing.ok && missing.error);
    const write = await stranger.command('message.send', { id: randomUUID(), sessionId, text: 'hi' });
    assert.equal(!write.ok && write.error.code, 'NOT_FOUND');
    stranger.close();
  });

  it('a returning visitor (same token) is the same visitor and receives its sessions’ messages at once', async () => {
    const again = await connectVisitor(t.url, 'demo', maria.visitorToken);
    assert.deepEqual(again.visitor, maria.visitor);
    assert.equal(again.visitorToken, maria.visitorToken);
    const { sessions } = await again.ok('webchat.sessions', {});
    assert.ok(sessions.some((s) => s.id === sessionId));
    const { message } = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'still there?' });
    await again.waitFor('message.created', (e) => e.message.id === message.id);
    again.close();
  });
});
