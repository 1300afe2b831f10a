import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LOGIN_FAILURES_PER_ADDRESS } from '../../server/src/domain/login-throttle.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  TestClock,
  connect,
  connectAgent,
  delay,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
} from './harness.js';

describe('agent login', () => {
  const clock = new TestClock();
  let t: TestServer;
  before(async () => (t = await startTestServer({ now: clock.now })));
  after(() => t.close());

  it('answers a token and the agent with its teams for the right password', async () => {
    const { status, body } = await postJson(`${t.url}/api/auth/login`, { email: ' Ana@Demo.Conecta.dev ', password: 'conecta-demo' });
    assert.equal(status, 200);
    assert.match(body.token, /^tok_/);
    assert.deepEqual(body.agent, {
      ...DEMO_AGENTS.ana,
      teamIds: [...DEMO_AGENTS.ana.teamIds],
      rating: null,
      photoUrl: null,
      language: null,
    });
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
    const broken = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    assert.equal(broken.status, 400);
    assert.equal(((await broken.json()) as any).error.code, 'INVALID_PAYLOAD');
  });
});

describe('login throttling (per account and address, with a ceiling per address)', () => {
  const clock = new TestClock();
  let t: TestServer;
  // A trusted proxy in front, so each test can speak from the addresses it needs.
  before(async () => (t = await startTestServer({ now: clock.now, trustedProxyHops: 1 })));
  after(() => t.close());

  const login = (email: string, password: string, address: string) =>
    postJson(`${t.url}/api/auth/login`, { email, password }, { 'x-forwarded-for': address });

  it('lets the owner in from a clean address while another address hammers the same e-mail', async () => {
    const attacker = '203.0.113.66';
    const statuses = [];
    for (let attempt = 1; attempt <= 12; attempt++) statuses.push((await login(BRUNO, 'guess', attacker)).status);
    assert.ok(statuses.includes(429), `the attacker is slowed: ${statuses}`);
    assert.equal((await login(BRUNO, 'conecta-demo', '198.51.100.5')).status, 200);
    assert.equal((await login(BRUNO, 'conecta-demo', attacker)).status, 429, 'but not the attacker\u2019s address, even with the password');
  });

  it('delays an account at one address more after each failure past the first three, and forgets them on success', async () => {
    const address = '192.0.2.40';
    for (let attempt = 1; attempt <= 4; attempt++) assert.equal((await login(ANA, 'wrong', address)).status, 401);
    const first = await login(ANA, 'conecta-demo', address);
    assert.equal(first.status, 429);
    assert.equal(first.body.error.code, 'RATE_LIMITED');
    assert.ok(first.body.error.retryAfterMs > 0);
    assert.equal(first.headers.get('retry-after'), String(Math.ceil(first.body.error.retryAfterMs / 1000)));

    clock.advance(first.body.error.retryAfterMs);
    assert.equal((await login(ANA, 'wrong', address)).status, 401);
    const second = await login(ANA, 'wrong', address);
    assert.equal(second.status, 429);
    assert.ok(second.body.error.retryAfterMs > first.body.error.retryAfterMs, 'the delay grows');

    clock.advance(second.body.error.retryAfterMs);
    assert.equal((await login(ANA, 'conecta-demo', address)).status, 200);
    for (let attempt = 1; attempt <= 4; attempt++) assert.equal((await login(ANA, 'wrong', address)).status, 401, 'counted afresh');
  });

  it('counts guesses sent all at once as if they came one by one', async () => {
    const address = '192.0.2.77';
    const statuses = (await Promise.all(Array.from({ length: 12 }, () => login(BRUNO, 'guess', address)))).map((r) => r.status);
    // Three free failures, a fourth that starts the wait; every other guess waits, unchecked.
    assert.equal(statuses.filter((status) => status === 401).length, 4, `${statuses}`);
    assert.equal(statuses.filter((status) => status === 429).length, 8, `${statuses}`);
  });

  it('refuses an address with too many failures across accounts, and no other', async () => {
    const address = '192.0.2.99';
    const statuses = [];
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS + 1; i++)
      statuses.push((await login(`nobody${i}@example.com`, 'wrong', address)).status);
    assert.deepEqual(statuses.slice(0, LOGIN_FAILURES_PER_ADDRESS), Array(LOGIN_FAILURES_PER_ADDRESS).fill(401));
    const ceiling = await login(ANA, 'conecta-demo', address);
    assert.equal(ceiling.status, 429, 'even the right password of another account');
    assert.ok(ceiling.body.error.retryAfterMs > 0);
    assert.equal((await login(ANA, 'conecta-demo', '192.0.2.100')).status, 200);
    clock.advance(ceiling.body.error.retryAfterMs);
    assert.equal((await login(ANA, 'conecta-demo', address)).status, 200);
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
