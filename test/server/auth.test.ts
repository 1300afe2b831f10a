import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, BRUNO, DEMO_AGENTS, TestClock, connect, connectAgent, delay, loginAgent, postJson, startTestServer, type TestServer } from './harness.js';

describe('agent login', () => {
  const clock = new TestClock();
  let t: TestServer;
  before(async () => (t = await startTestServer({ now: clock.now })));
  after(() => t.close());

  it('answers a token and the agent with its teams for the right password', async () => {
    const { status, body } = await postJson(`${t.url}/api/auth/login`, { email: ' Ana@Demo.Conecta.dev ', password: 'conecta-demo' });
    assert.equal(status, 200);
    assert.match(body.token, /^tok_/);
    assert.deepEqual(body.agent, { ...DEMO_AGENTS.ana, teamIds: [...DEMO_AGENTS.ana.teamIds], rating: null });
  });

  it('refuses a wrong password and an unknown e-mail with the same 401', async () => {
    const wrong = await postJson(`${t.url}/api/auth/login`, { email: ANA, password: 'nope' });
    const unknown = await postJson(`${t.url}/api/auth/login`, { email: 'nobody@demo.conecta.dev', password: 'nope' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
    assert.equal(wrong.body.error.code, 'UNAUTHENTICATED');
  });

  it('answers 400 with fields for a body that is not {email, password}', async () => {
    const { status, body } = await postJson(`${t.url}/api/auth/login`, { email: 42 });
    assert.equal(status, 400);
    assert.equal(body.error.code, 'INVALID_PAYLOAD');
    assert.ok(body.error.fields.email);
    const broken = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    assert.equal(broken.status, 400);
    assert.equal(((await broken.json()) as any).error.code, 'INVALID_PAYLOAD');
  });

  it('locks the login for 15 minutes after 5 failures, even for the right password', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      assert.equal((await postJson(`${t.url}/api/auth/login`, { email: BRUNO, password: 'wrong' })).status, 401);
    }
    const fifth = await postJson(`${t.url}/api/auth/login`, { email: BRUNO, password: 'wrong' });
    assert.equal(fifth.status, 429);
    assert.equal(fifth.body.error.code, 'RATE_LIMITED');
    assert.match(fifth.body.error.message, /Too many failed logins.*15 minutes/);

    clock.advance(14 * 60_000);
    const stillLocked = await postJson(`${t.url}/api/auth/login`, { email: BRUNO, password: 'conecta-demo' });
    assert.equal(stillLocked.status, 429);
    assert.match(stillLocked.body.error.message, /1 minute\b/);

    clock.advance(60_000 + 1);
    assert.equal((await postJson(`${t.url}/api/auth/login`, { email: BRUNO, password: 'conecta-demo' })).status, 200);
  });

  it('does not lock for failures spread over more than 15 minutes', async () => {
    const email = ANA;
    for (let attempt = 1; attempt <= 4; attempt++) await postJson(`${t.url}/api/auth/login`, { email, password: 'wrong' });
    clock.advance(15 * 60_000 + 1);
    assert.equal((await postJson(`${t.url}/api/auth/login`, { email, password: 'wrong' })).status, 401);
    assert.equal((await postJson(`${t.url}/api/auth/login`, { email, password: 'conecta-demo' })).status, 200);
  });
});

describe('tokens and the socket handshake', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.close());

  it('refuses a handshake with no identity, or an unknown token, as UNAUTHENTICATED', async () => {
    await assert.rejects(connect(t.url, {}), { message: 'UNAUTHENTICATED' });
    await assert.rejects(connect(t.url, { token: 'tok_made_up' }), { message: 'UNAUTHENTICATED' });
    await assert.rejects(connect(t.url, { visitorToken: 'vt_made_up' }), { message: 'UNAUTHENTICATED' });
  });

  it('logout revokes the token: its open socket is disconnected and a new handshake is refused', async () => {
    const token = await loginAgent(t.url, ANA);
    const agent = await connectAgent(t.url, token);
    const disconnected = new Promise((resolve) => agent.socket.once('disconnect', resolve));

    const logout = await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` });
    assert.equal(logout.status, 200);
    assert.deepEqual(logout.body, { ok: true });
    await disconnected;
    await assert.rejects(connectAgent(t.url, token), { message: 'UNAUTHENTICATED' });

    const again = await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` });
    assert.equal(again.status, 401);
  });

  it('logout of one token leaves the agent’s other logins alone', async () => {
    const first = await loginAgent(t.url, ANA);
    const second = await loginAgent(t.url, ANA);
    const other = await connectAgent(t.url, second);
    await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${first}` });
    await delay(50);
    assert.equal(other.socket.connected, true);
    assert.equal((await other.command('agent.snapshot', {})).ok, true);
    other.close();
  });

  it('logout with no Authorization header answers 401', async () => {
    const response = await fetch(`${t.url}/api/auth/logout`, { method: 'POST' });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as any).error.code, 'UNAUTHENTICATED');
  });
});
