import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Ack } from '../../src/protocol/index.js';
import {
  ANA,
  DEMO_CHANNEL_KEY,
  connect,
  connectAgent,
  connectVisitor,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
  type TestSocket,
} from './harness.js';

const visitorsUrl = (t: TestServer) => `${t.url}/api/webchat/${DEMO_CHANNEL_KEY}/visitors`;
const limitedOf = (answers: Ack<unknown>[]) => answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
const okOf = (answers: Ack<unknown>[]) => answers.filter((a) => a.ok);
/** A rule that never refills within a test: exactly `burst` pass. */
const only = (burst: number) => ({ perSecond: 0.001, burst });
const start = (socket: TestSocket) => socket.command('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte' });

describe('one visitor cannot flood the queue', () => {
  let t: TestServer;
  // Rate limits out of the way: this is the rule of one open session.
  before(
    async () =>
      (t = await startTestServer({ rateLimits: { sessions: { perVisitor: only(1000), perAddress: only(1000), perChannel: only(1000) } } })),
  );
  after(() => t.close());

  it('holds at most one open session per channel, even across eight sockets of one visitor token', async () => {
    const first = await connectVisitor(t.url);
    const sockets = [first, ...(await Promise.all(Array.from({ length: 7 }, () => connect(t.url, { visitorToken: first.visitorToken }))))];
    const answers = await Promise.all(sockets.flatMap((socket) => Array.from({ length: 5 }, () => start(socket))));
    assert.equal(okOf(answers).length, 1);
    for (const answer of answers) assert.ok(answer.ok || answer.error.code === 'CONFLICT', JSON.stringify(answer));
    for (const socket of sockets) socket.close();
  });

  it('starts a new session once the open one is finished', async () => {
    const maria = await connectVisitor(t.url);
    const first = await maria.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte' });
    const second = await start(maria);
    assert.equal(!second.ok && second.error.code, 'CONFLICT');
    assert.match(!second.ok ? second.error.message : '', new RegExp(first.session.id));
    await maria.ok('webchat.finish', { sessionId: first.session.id });
    assert.equal((await start(maria)).ok, true);
    maria.close();
  });

  it('answers a repeated start of the open session with that session, as before', async () => {
    const maria = await connectVisitor(t.url);
    const payload = { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte', text: 'Oi' };
    const first = await maria.ok('webchat.start', payload);
    const again = await maria.ok('webchat.start', payload);
    assert.equal(again.session.id, first.session.id);
    maria.close();
  });
});

describe('rate limits hold per identity, per address and per channel', () => {
  let t: TestServer;
  before(
    async () =>
      (t = await startTestServer({
        trustedProxyHops: 1,
        rateLimits: {
          commands: only(10),
          visitorTokens: { perAddress: only(3), perChannel: only(100) },
          sessions: { perVisitor: only(5), perAddress: only(2), perChannel: only(100) },
          messages: { perVisitor: only(4), perAddress: only(6), perChannel: only(100) },
        },
      })),
  );
  after(() => t.close());

  const fromAddress = (address: string) => ({ 'x-forwarded-for': address });

  it('limits commands per identity across all its sockets, with a retry time', async () => {
    const token = await loginAgent(t.url, ANA);
    const [one, two] = await Promise.all([connectAgent(t.url, token), connectAgent(t.url, await loginAgent(t.url, ANA))]);
    const answers = await Promise.all(
      [one, two].flatMap((socket) => Array.from({ length: 10 }, () => socket.command('agent.snapshot', {}))),
    );
    assert.equal(okOf(answers).length, 10);
    const limited = limitedOf(answers);
    assert.equal(limited.length, 10);
    for (const answer of limited) assert.ok(!answer.ok && answer.error.retryAfterMs! > 0, JSON.stringify(answer));
    one.close();
    two.close();
  });

  it('limits new visitor tokens per client address, with Retry-After, and leaves other addresses alone', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postJson(visitorsUrl(t), {}, fromAddress('203.0.113.7'))).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const refused = await postJson(visitorsUrl(t), {}, fromAddress('203.0.113.7'));
    assert.equal(refused.body.error.code, 'RATE_LIMITED');
    assert.ok(refused.body.error.retryAfterMs > 0);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal((await postJson(visitorsUrl(t), {}, fromAddress('203.0.113.8'))).status, 200);
  });

  it('does not count a returning visitor asking again with its token (a page load)', async () => {
    const address = { 'x-forwarded-for': '198.51.100.200' };
    const { body } = await postJson(visitorsUrl(t), {}, address);
    for (let i = 0; i < 8; i++) {
      const again = await postJson(visitorsUrl(t), { visitorToken: body.visitorToken }, address);
      assert.equal(again.status, 200);
      assert.equal(again.body.visitor.id, body.visitor.id);
    }
  });

  it('limits visitor messages per visitor across its sockets, and per address across visitors', async () => {
    const maria = await visitorFrom(t, '192.0.2.10');
    const { session } = await maria.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte' });
    const other = await connect(t.url, { visitorToken: maria.visitorToken }, fromAddress('192.0.2.10'));
    const send = (socket: TestSocket, sessionId: string) => socket.command('message.send', { id: randomUUID(), sessionId, text: 'oi' });
    const answers = await Promise.all([maria, other].flatMap((socket) => [1, 2, 3].map(() => send(socket, session.id))));
    assert.equal(okOf(answers).length, 4);
    assert.equal(limitedOf(answers).length, 2);

    const joao = await visitorFrom(t, '192.0.2.10');
    const own = await joao.ok('webchat.start', { sessionId: randomUUID(), name: 'João', teamId: 'tm-suporte' });
    const fromSameAddress = await Promise.all([1, 2, 3].map(() => send(joao, own.session.id)));
    assert.equal(okOf(fromSameAddress).length, 2, 'six messages per address');
    for (const socket of [maria, other, joao]) socket.close();
  });

  it('limits new sessions per address across visitors', async () => {
    const visitors = await Promise.all([1, 2, 3].map(() => visitorFrom(t, '192.0.2.77')));
    const answers = await Promise.all(visitors.map(start));
    assert.equal(okOf(answers).length, 2);
    assert.equal(limitedOf(answers).length, 1);
    for (const visitor of visitors) visitor.close();
  });
});

describe('new visitor tokens per channel', () => {
  let t: TestServer;
  before(
    async () =>
      (t = await startTestServer({ trustedProxyHops: 1, rateLimits: { visitorTokens: { perAddress: only(100), perChannel: only(4) } } })),
  );
  after(() => t.close());

  it('limits new visitor tokens per channel across addresses', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postJson(visitorsUrl(t), {}, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
  });
});

/** A visitor whose token and socket come from `address` (through the trusted proxy). */
async function visitorFrom(t: TestServer, address: string) {
  const { body } = await postJson(visitorsUrl(t), {}, { 'x-forwarded-for': address });
  const socket = await connect(t.url, { visitorToken: body.visitorToken }, { 'x-forwarded-for': address });
  return Object.assign(socket, { visitorToken: body.visitorToken as string });
}

describe('the client address', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer({ rateLimits: { visitorTokens: { perAddress: only(2), perChannel: only(100) } } })));
  after(() => t.close());

  it('ignores X-Forwarded-For unless a trusted proxy is configured', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postJson(visitorsUrl(t), {}, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });
});
