import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  TestClock,
  addAgent,
  connectAgent,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
  type TestSocket,
} from './harness.js';

const KEYS = '/api/admin/v1/api-keys';
const SUPORTE = 'tm-suporte';

async function request(t: TestServer, method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

function closedWith(agent: TestSocket): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not closed within 3 s')), 3000);
    agent.socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(agent.received('auth.ended').map((event) => event.reason));
    });
  });
}

describe('API keys (admin REST)', () => {
  const clock = new TestClock();
  let t: TestServer;
  let admin: string;
  before(async () => {
    t = await startTestServer({ now: clock.now });
    admin = await loginAgent(t.url, ANA); // Ana is the demo's owner
  });
  after(() => t.close());

  it('creates a key and shows its secret once: the list and the audit log never have it, and show its last use', async () => {
    const created = await request(t, 'POST', KEYS, admin, { name: ' Our CRM ', scope: { mayCreateAgents: true, teamIds: [SUPORTE] } });
    assert.equal(created.status, 201);
    const { apiKey, secret } = created.body;
    assert.match(secret, /^ck_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(apiKey, {
      id: apiKey.id,
      name: 'Our CRM',
      prefix: secret.slice(0, 11),
      scope: { mayCreateAgents: true, teamIds: [SUPORTE] },
      createdBy: DEMO_AGENTS.ana.id,
      createdAt: clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    });

    const listed = await request(t, 'GET', KEYS, admin);
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.apiKeys, [apiKey]);
    assert.ok(!JSON.stringify(listed.body).includes(secret.slice(11)), 'the list holds no secret');

    clock.advance(1000);
    const signOn = await postJson(`${t.url}/api/auth/token`, { email: BRUNO }, { authorization: `Bearer ${secret}` });
    assert.equal(signOn.status, 200);
    const [used] = (await request(t, 'GET', KEYS, admin)).body.apiKeys;
    assert.equal(used.lastUsedAt, clock.now());

    const audit = await t.server.repo.listAudit({ resource: 'api-key', resourceId: apiKey.id, limit: 10 });
    assert.deepEqual(
      audit.map((entry) => [entry.action, entry.actor]),
      [['create', { kind: 'agent', id: DEMO_AGENTS.ana.id }]],
    );
    assert.deepEqual(audit[0]!.after, apiKey);
    assert.ok(!JSON.stringify(audit).includes(secret.slice(11)), 'the audit log holds no secret');
  });

  it('revoking a key ends every token issued through it: their sockets get auth.ended revoked and close; password logins stay', async () => {
    const { apiKey, secret } = (await request(t, 'POST', KEYS, admin, { name: 'Revoked CRM' })).body;
    const tokens = await Promise.all(
      [0, 1].map(
        async () => (await postJson(`${t.url}/api/auth/token`, { email: BRUNO }, { authorization: `Bearer ${secret}` })).body.token,
      ),
    );
    const viaKey = await Promise.all(tokens.map((token: string) => connectAgent(t.url, token)));
    const viaPassword = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
    const closed = viaKey.map(closedWith);

    clock.advance(1000);
    const revoked = await request(t, 'DELETE', `${KEYS}/${apiKey.id}`, admin);
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.apiKey.revokedAt, clock.now());
    assert.deepEqual(await Promise.all(closed), [['revoked'], ['revoked']]);
    await assert.rejects(connectAgent(t.url, tokens[0]), { message: 'UNAUTHENTICATED' });
    assert.equal(viaPassword.socket.connected, true);
    viaPassword.close();

    // The key itself no longer signs anyone in; revoking it again changes nothing.
    const refused = await postJson(`${t.url}/api/auth/token`, { email: BRUNO }, { authorization: `Bearer ${secret}` });
    assert.equal(refused.status, 401);
    const again = await request(t, 'DELETE', `${KEYS}/${apiKey.id}`, admin);
    assert.deepEqual(again, revoked);

    const audit = await t.server.repo.listAudit({ resource: 'api-key', resourceId: apiKey.id, limit: 10 });
    assert.deepEqual(
      audit.map((entry) => entry.action),
      ['revoke', 'create'],
    );
    assert.equal((audit[0]!.before as { revokedAt: unknown }).revokedAt, null);
    assert.deepEqual(audit[0]!.after, revoked.body.apiKey);
  });

  it('answers 400 naming the field for a bad body, 404 for an unknown key', async () => {
    const noName = await request(t, 'POST', KEYS, admin, { scope: { mayCreateAgents: 'yes' } });
    assert.equal(noName.status, 400);
    assert.ok(noName.body.error.fields.name);
    assert.ok(noName.body.error.fields['scope.mayCreateAgents']);
    const unknownTeam = await request(t, 'POST', KEYS, admin, { name: 'x', scope: { teamIds: ['tm-nope'] } });
    assert.equal(unknownTeam.status, 400);
    assert.match(unknownTeam.body.error.fields['scope.teamIds'], /tm-nope/);
    const extra = await request(t, 'POST', KEYS, admin, { name: 'x', secret: 'mine' });
    assert.equal(extra.status, 400);
    assert.ok(extra.body.error.fields.secret);
    assert.equal((await request(t, 'DELETE', `${KEYS}/key-nope`, admin)).status, 404);
  });

  it('is for admins: 403 for the agent and supervisor roles, 401 without a token', async () => {
    await addAgent(t, { id: 'ag-sueli', name: 'Sueli', email: 'sueli@demo.conecta.dev', teamIds: [SUPORTE], role: 'supervisor' });
    const { apiKey } = (await request(t, 'POST', KEYS, admin, { name: 'Kept' })).body;
    for (const email of [BRUNO, 'sueli@demo.conecta.dev']) {
      const token = await loginAgent(t.url, email);
      assert.equal((await request(t, 'GET', KEYS, token)).status, 403, email);
      assert.equal((await request(t, 'POST', KEYS, token, { name: 'Mine' })).status, 403, email);
      assert.equal((await request(t, 'DELETE', `${KEYS}/${apiKey.id}`, token)).status, 403, email);
    }
    assert.equal((await request(t, 'GET', KEYS, null)).status, 401);
    const [kept] = (await request(t, 'GET', KEYS, admin)).body.apiKeys.filter((key: { id: string }) => key.id === apiKey.id);
    assert.equal(kept.revokedAt, null);
    assert.equal(
      (await t.server.repo.listAudit({ resource: 'api-key', limit: 100 })).filter((e) => e.actor.id !== DEMO_AGENTS.ana.id).length,
      0,
    );
  });
});
