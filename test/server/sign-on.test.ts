import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SIGN_ON_TOKEN_TTL_MS } from '../../server/src/domain/sign-on.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  TestClock,
  connectAgent,
  loginAgent,
  postJson,
  setAgentActive,
  startTestServer,
  type TestServer,
} from './harness.js';

const SUPORTE = 'tm-suporte';
const VENDAS = 'tm-vendas';
const FINANCEIRO = 'tm-financeiro';

/** A key made by the demo owner through the admin API; answers its secret. */
async function createKey(t: TestServer, scope: { mayCreateAgents?: boolean; teamIds?: string[] | null } = {}): Promise<string> {
  const owner = await loginAgent(t.url, ANA);
  const { status, body } = await postJson(`${t.url}/api/admin/v1/api-keys`, { name: 'CRM', scope }, { authorization: `Bearer ${owner}` });
  assert.equal(status, 201);
  return body.secret as string;
}

const signOn = (t: TestServer, key: string | null, body: unknown) =>
  postJson(`${t.url}/api/auth/token`, body, key === null ? {} : { authorization: `Bearer ${key}` });

describe('CRM sign-on: POST /api/auth/token', () => {
  const clock = new TestClock();
  let t: TestServer;
  let key: string;
  before(async () => {
    t = await startTestServer({ now: clock.now });
    key = await createKey(t);
  });
  after(() => t.close());

  it('signs an agent in by e-mail with a short-lived token that opens a socket', async () => {
    const { status, body } = await signOn(t, key, { email: ' Bruno@Demo.Conecta.dev ' });
    assert.equal(status, 200);
    assert.match(body.token, /^tok_/);
    assert.equal(body.expiresAt, clock.now() + DEFAULT_SIGN_ON_TOKEN_TTL_MS);
    assert.deepEqual(body.agent, await t.server.repo.getAgent(DEMO_AGENTS.bruno.id));
    const socket = await connectAgent(t.url, body.token);
    assert.equal((await socket.ok('agent.snapshot', {})).agent.id, DEMO_AGENTS.bruno.id);
    socket.close();
  });

  it('signs an agent in by its external id', async () => {
    await t.server.repo.setAgentExternalId(DEMO_AGENTS.bruno.id, 'crm-user-7');
    const { status, body } = await signOn(t, key, { externalId: 'crm-user-7' });
    assert.equal(status, 200);
    assert.equal(body.agent.id, DEMO_AGENTS.bruno.id);
  });

  it('answers 404 for an unknown agent without create, and 403 with create when the key may not create agents', async () => {
    const unknown = await signOn(t, key, { email: 'nobody@crm.example' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'NOT_FOUND');
    const create = await signOn(t, key, {
      externalId: 'crm-9',
      create: { name: 'Nobody', email: 'nobody@crm.example', teamIds: [SUPORTE] },
    });
    assert.equal(create.status, 403);
    assert.equal(await t.server.repo.findAgentAccountByEmail('nobody@crm.example'), null);
  });

  it('refuses deactivated agents, and admins and owners (they sign in with their password)', async () => {
    await setAgentActive(t, DEMO_AGENTS.bruno.id, false);
    const inactive = await signOn(t, key, { email: BRUNO });
    await setAgentActive(t, DEMO_AGENTS.bruno.id, true);
    assert.equal(inactive.status, 403);
    assert.match(inactive.body.error.message, /deactivated/);
    const owner = await signOn(t, key, { email: ANA });
    assert.equal(owner.status, 403);
  });

  it('answers 401 without a key, with an unknown key, and with a revoked one', async () => {
    const none = await signOn(t, null, { email: BRUNO });
    assert.equal(none.status, 401);
    assert.match(none.body.error.message, /Authorization/);
    assert.equal((await signOn(t, 'ck_made_up', { email: BRUNO })).status, 401);
    const revokedKey = await createKey(t);
    const owner = await loginAgent(t.url, ANA);
    const listed = await fetch(`${t.url}/api/admin/v1/api-keys`, { headers: { authorization: `Bearer ${owner}` } });
    const { apiKeys } = (await listed.json()) as { apiKeys: { id: string; prefix: string }[] };
    const id = apiKeys.find((k) => revokedKey.startsWith(k.prefix))!.id;
    await fetch(`${t.url}/api/admin/v1/api-keys/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${owner}` } });
    const revoked = await signOn(t, revokedKey, { email: BRUNO });
    assert.equal(revoked.status, 401);
    assert.equal(revoked.body.error.code, 'UNAUTHENTICATED');
  });

  it('answers 400 naming the bad field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'email'],
      [{ email: BRUNO, externalId: 'crm-user-7' }, 'email'],
      [{ email: 'not an address' }, 'email'],
      [{ externalId: '' }, 'externalId'],
      [{ externalId: 7 }, 'externalId'],
      [{ email: BRUNO, create: { email: BRUNO } }, 'create.name'],
      [{ email: BRUNO, create: { name: 'B', email: BRUNO, teamIds: 'tm-suporte' } }, 'create.teamIds'],
      [{ email: BRUNO, role: 'owner' }, 'role'],
    ];
    for (const [body, field] of cases) {
      const answer = await signOn(t, key, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.ok(answer.body.error.fields?.[field], `${JSON.stringify(body)} names ${field}: ${JSON.stringify(answer.body.error)}`);
    }
  });
});

describe('CRM sign-on creating agents within the key’s scope', () => {
  const clock = new TestClock();
  let t: TestServer;
  let suporteKey: string;
  before(async () => {
    t = await startTestServer({ now: clock.now });
    suporteKey = await createKey(t, { mayCreateAgents: true, teamIds: [SUPORTE, VENDAS] });
  });
  after(() => t.close());

  it('creates the agent on first sign-on (role agent, no permissions, the external id), then finds it again', async () => {
    const body = { externalId: 'crm-42', create: { name: ' Carla Dias ', email: 'Carla@CRM.example', teamIds: [SUPORTE] } };
    const first = await signOn(t, suporteKey, body);
    assert.equal(first.status, 200);
    const agent = first.body.agent;
    assert.equal(agent.name, 'Carla Dias');
    assert.equal(agent.email, 'carla@crm.example');
    assert.deepEqual(agent.teamIds, [SUPORTE]);
    assert.equal(agent.role, 'agent');
    assert.deepEqual(Object.values(agent.permissions), [false, false, false, false, false]);
    assert.equal((await t.server.repo.findAgentAccountByExternalId('crm-42'))?.id, agent.id);

    const again = await signOn(t, suporteKey, body);
    assert.equal(again.status, 200);
    assert.equal(again.body.agent.id, agent.id);
    assert.notEqual(again.body.token, first.body.token);

    const audit = await t.server.repo.listAudit({ resource: 'agent', resourceId: agent.id, limit: 10 });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'create');
    assert.equal(audit[0]!.actor.kind, 'api-key');

    // No password: the created agent cannot log in with an empty one.
    const login = await postJson(`${t.url}/api/auth/login`, { email: 'carla@crm.example', password: '' });
    assert.equal(login.status, 401);
  });

  it('refuses teams outside the key’s scope (403), unknown teams (400), and an e-mail another agent has (409)', async () => {
    const outside = await signOn(t, suporteKey, {
      externalId: 'crm-43',
      create: { name: 'D', email: 'd@crm.example', teamIds: [FINANCEIRO] },
    });
    assert.equal(outside.status, 403);
    const none = await signOn(t, suporteKey, { externalId: 'crm-43', create: { name: 'D', email: 'd@crm.example' } });
    assert.equal(none.status, 400);
    assert.ok(none.body.error.fields['create.teamIds']);
    const anyTeamKey = await createKey(t, { mayCreateAgents: true });
    const unknown = await signOn(t, anyTeamKey, {
      externalId: 'crm-43',
      create: { name: 'D', email: 'd@crm.example', teamIds: ['tm-nope'] },
    });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.fields['create.teamIds'], /tm-nope/);
    const taken = await signOn(t, anyTeamKey, { externalId: 'crm-43', create: { name: 'D', email: BRUNO, teamIds: [SUPORTE] } });
    assert.equal(taken.status, 409);
    const mismatch = await signOn(t, anyTeamKey, {
      email: 'e@crm.example',
      create: { name: 'E', email: 'f@crm.example', teamIds: [SUPORTE] },
    });
    assert.equal(mismatch.status, 400);
    assert.ok(mismatch.body.error.fields['create.email']);
    assert.equal(await t.server.repo.findAgentAccountByExternalId('crm-43'), null);
  });

  it('signs in only agents of the key’s teams', async () => {
    const financeiroKey = await createKey(t, { teamIds: [FINANCEIRO] });
    assert.equal((await signOn(t, financeiroKey, { email: BRUNO })).status, 200); // Bruno is in Financeiro
    assert.equal((await signOn(t, financeiroKey, { externalId: 'crm-42' })).status, 403); // Carla is in Suporte only
  });
});

describe('a CRM-issued token expires and is refreshed without dropping the socket', () => {
  const clock = new TestClock();
  let t: TestServer;
  before(async () => (t = await startTestServer({ now: clock.now })));
  after(() => t.close());

  it('refresh with the next token from the key keeps the socket past the first token’s expiry', async () => {
    const key = await createKey(t);
    const first = (await signOn(t, key, { email: BRUNO })).body;
    const socket = await connectAgent(t.url, first.token);
    const socketId = socket.socket.id;
    clock.advance(DEFAULT_SIGN_ON_TOKEN_TTL_MS - 60_000);
    const next = (await signOn(t, key, { email: BRUNO })).body;
    assert.deepEqual(await socket.ok('auth.refresh', { token: next.token }), { expiresAt: next.expiresAt });
    clock.advance(60_000);
    assert.equal(await t.server.tokenSweep.sweep(), 0);
    assert.equal(socket.socket.connected, true);
    assert.equal(socket.socket.id, socketId);

    clock.advance(DEFAULT_SIGN_ON_TOKEN_TTL_MS);
    const closed = new Promise((resolve) => socket.socket.once('disconnect', resolve));
    assert.equal(await t.server.tokenSweep.sweep(), 1);
    await closed;
    assert.deepEqual(socket.received('auth.ended'), [{ reason: 'expired' }]);
  });
});

describe('CRM sign-on rate limits', () => {
  let t: TestServer;
  before(
    async () =>
      (t = await startTestServer({
        rateLimits: {
          signOns: {
            perAddress: { perSecond: 0.001, burst: 6 },
            perKey: { perSecond: 0.001, burst: 3 },
            failuresPerAddress: { perSecond: 0.001, burst: 2 },
          },
        },
      })),
  );
  after(() => t.close());

  it('slows unknown keys per address after a few, and every request per key and per address', async () => {
    const wrong = [];
    for (let i = 0; i < 3; i++) wrong.push((await signOn(t, 'ck_guess', { email: BRUNO })).status);
    assert.deepEqual(wrong, [401, 401, 429]);

    const key = await createKey(t);
    const right = [];
    for (let i = 0; i < 4; i++) right.push((await signOn(t, key, { email: BRUNO })).status);
    assert.deepEqual(right, [200, 200, 200, 429]);

    // Six requests from this address so far (three guesses, three with the key): the address is spent too.
    const otherKey = await createKey(t);
    const spent = await signOn(t, otherKey, { email: BRUNO });
    assert.equal(spent.status, 429);
    assert.ok(spent.headers.get('retry-after'));
  });
});
