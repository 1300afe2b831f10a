import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_RESOURCES } from '../../server/src/domain/admin/resources/index.js';
import { adminRequest, SUPORTE, tokenOf, VALID_BODIES, VENDAS } from './admin-support.js';
import { ANA, BRUNO, DEMO_AGENTS, loginAgent, startTestServer, TestClock, type TestServer } from './harness.js';

describe('admin API: every resource over HTTP', () => {
  let t: TestServer;
  let owner: string;
  before(async () => {
    t = await startTestServer();
    owner = await loginAgent(t.url, ANA);
  });
  after(() => t.close());

  for (const [name, { id, body, invalid, seeded }] of Object.entries(VALID_BODIES)) {
    it(`${name}: creates (201), reads, replaces (200), patches, and refuses invalid input with a 400 naming the field`, async () => {
      const created = await adminRequest(t, 'PUT', `/${name}/${id}`, owner, body);
      assert.equal(created.status, seeded ? 200 : 201, JSON.stringify(created.body));
      assert.equal(created.body.id, id);
      assert.deepEqual((await adminRequest(t, 'GET', `/${name}/${id}`, owner)).body, created.body);
      const listed = await adminRequest(t, 'GET', `/${name}`, owner);
      assert.ok(listed.body.some((record: { id: string }) => record.id === id));
      assert.equal((await adminRequest(t, 'PUT', `/${name}/${id}`, owner, body)).status, 200);

      const refused = await adminRequest(t, 'PUT', `/${name}/${id}-invalid`, owner, invalid[0]);
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'INVALID_PAYLOAD');
      assert.ok(refused.body.error.fields[invalid[1]], `expected ${invalid[1]} in ${JSON.stringify(refused.body.error.fields)}`);
      assert.equal((await adminRequest(t, 'GET', `/${name}/${id}-invalid`, owner)).status, 404);

      const patchedBad = await adminRequest(t, 'PATCH', `/${name}/${id}`, owner, invalid[0]);
      assert.equal(patchedBad.status, 400);
      assert.deepEqual((await adminRequest(t, 'GET', `/${name}/${id}`, owner)).body, created.body, 'a refused patch changed nothing');

      const audit = await adminRequest(
        t,
        'GET',
        `/audit?resource=${ADMIN_RESOURCES[name as keyof typeof ADMIN_RESOURCES].name}&id=${id}`,
        owner,
      );
      assert.equal(audit.status, 200);
      assert.deepEqual(
        audit.body.entries.filter((e: { actor: { kind: string } }) => e.actor.kind === 'agent').map((e: { action: string }) => e.action),
        [seeded ? 'update' : 'create'],
      );
      assert.deepEqual(audit.body.entries[0].after, created.body);
      assert.deepEqual(audit.body.entries[0].actor, { kind: 'agent', id: DEMO_AGENTS.ana.id });
    });
  }

  it('refuses an id that is not safe in a path, naming it', async () => {
    const refused = await adminRequest(t, 'PUT', `/tags/${encodeURIComponent('tg urgente!')}`, owner, VALID_BODIES.tags!.body);
    assert.equal(refused.status, 400);
    assert.ok(refused.body.error.fields.id);
  });

  it('removes a resource (204) and logs its last state as before', async () => {
    await adminRequest(t, 'PUT', '/tags/tg-gone', owner, { teamId: SUPORTE, name: 'Gone', color: '#000000' });
    assert.equal((await adminRequest(t, 'DELETE', '/tags/tg-gone', owner)).status, 204);
    assert.equal((await adminRequest(t, 'GET', '/tags/tg-gone', owner)).status, 404);
    const { body } = await adminRequest(t, 'GET', '/audit?resource=tag&id=tg-gone', owner);
    assert.deepEqual(
      body.entries.map((e: { action: string; before: unknown; after: unknown }) => [e.action, e.before !== null, e.after !== null]),
      [
        ['delete', true, false],
        ['create', false, true],
      ],
    );
  });

  it('renames a team with a patch, keeping its other fields', async () => {
    const patched = await adminRequest(t, 'PATCH', `/teams/${VENDAS}`, owner, { name: 'Vendas e Parcerias' });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.name, 'Vendas e Parcerias');
    assert.equal(patched.body.workingHours.timeZone, 'America/Sao_Paulo');
  });

  it('leaves nothing half-written when a reference is wrong', async () => {
    const refused = await adminRequest(t, 'PUT', '/canned-responses/cr-missing-file', owner, {
      teamId: SUPORTE,
      shortcut: 'missing',
      title: 'Missing',
      text: 'file',
      fileIds: ['no-such-file'],
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.error.fields, { 'fileIds.0': 'is not a stored file' });
    assert.equal((await adminRequest(t, 'GET', '/canned-responses/cr-missing-file', owner)).status, 404);
  });

  it('rotates a webchat channel\u2019s identity secret, answering it once', async () => {
    const rotated = await adminRequest(t, 'POST', '/webchat-channels/demo/rotate-identity-secret', owner);
    assert.equal(rotated.status, 200);
    assert.match(rotated.body.identitySecret, /^idv_/);
    const channel = await adminRequest(t, 'GET', '/webchat-channels/demo', owner);
    assert.equal(channel.body.identityVerification, true);
    assert.ok(!JSON.stringify(channel.body).includes(rotated.body.identitySecret));
  });

  it('pages the audit log newest first, and filters it by time', async () => {
    const first = await adminRequest(t, 'GET', '/audit?limit=2', owner);
    assert.equal(first.body.entries.length, 2);
    assert.ok(first.body.entries[0].id > first.body.entries[1].id);
    const next = await adminRequest(t, 'GET', `/audit?limit=2&before=${first.body.nextBefore}`, owner);
    assert.ok(next.body.entries[0].id < first.body.entries[1].id);
    assert.deepEqual((await adminRequest(t, 'GET', `/audit?since=${Date.now() + 60_000}`, owner)).body.entries, []);
    const bad = await adminRequest(t, 'GET', '/audit?limit=1000', owner);
    assert.equal(bad.status, 400);
    assert.ok(bad.body.error.fields.limit);
  });
});

describe('admin API: a team\u2019s holidays', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ now: new TestClock().now }); // Sunday 2026-11-22, 10:00 in São Paulo
  });
  after(() => t.close());

  it('closes the team all day on a holiday in its time zone, as the webchat\u2019s visitors see it', async () => {
    const owner = await loginAgent(t.url, ANA);
    const always: [string, string][] = [['00:00', '24:00']];
    const days = { 0: always, 1: always, 2: always, 3: always, 4: always, 5: always, 6: always };
    const online = async () =>
      ((await (await fetch(`${t.url}/api/webchat/demo`)).json()) as { teams: { id: string; online: boolean }[] }).teams.find(
        (team) => team.id === SUPORTE,
      )?.online;
    await adminRequest(t, 'PATCH', `/teams/${SUPORTE}`, owner, { workingHours: { timeZone: 'America/Sao_Paulo', days } });
    assert.equal(await online(), true);
    await adminRequest(t, 'PATCH', `/teams/${SUPORTE}`, owner, { holidays: [{ date: '2026-11-22', name: 'Feriado' }] });
    assert.equal(await online(), false);
    await adminRequest(t, 'PATCH', `/teams/${SUPORTE}`, owner, { holidays: [{ date: '2026-11-23', name: 'Amanhã' }] });
    assert.equal(await online(), true);
  });
});

describe('admin API: roles', () => {
  let t: TestServer;
  let owner: string;
  let admin: string;
  let supervisor: string;
  let agent: string;
  before(async () => {
    t = await startTestServer();
    owner = await loginAgent(t.url, ANA);
    agent = await loginAgent(t.url, BRUNO);
    admin = await tokenOf(t, 'admin');
    supervisor = await tokenOf(t, 'supervisor');
  });
  after(() => t.close());

  it('answers 401 without a valid token and 403 to a plain agent, on every resource', async () => {
    for (const [name, { id, body }] of Object.entries(VALID_BODIES)) {
      assert.equal((await adminRequest(t, 'GET', `/${name}`, null)).status, 401, name);
      assert.equal((await adminRequest(t, 'GET', `/${name}`, 'tok_forged')).status, 401, name);
      assert.equal((await adminRequest(t, 'GET', `/${name}`, agent)).status, 403, name);
      assert.equal((await adminRequest(t, 'PUT', `/${name}/${id}`, agent, body)).status, 403, name);
    }
    assert.equal((await adminRequest(t, 'GET', '/audit', agent)).status, 403);
  });

  it('lets an admin configure everything but owners and admins', async () => {
    for (const [name, { id, body, seeded }] of Object.entries(VALID_BODIES)) {
      assert.equal((await adminRequest(t, 'PUT', `/${name}/${id}`, admin, body)).status, seeded ? 200 : 201, name);
    }
    const promote = await adminRequest(t, 'PATCH', `/agents/${DEMO_AGENTS.bruno.id}`, admin, { role: 'admin' });
    assert.equal(promote.status, 403);
    assert.equal((await adminRequest(t, 'PATCH', `/agents/${DEMO_AGENTS.bruno.id}`, owner, { role: 'supervisor' })).status, 200);
    assert.equal((await adminRequest(t, 'GET', '/audit', admin)).status, 200);
  });

  it('lets a supervisor read teams and agents and manage only their own teams\u2019 canned responses', async () => {
    assert.equal((await adminRequest(t, 'GET', '/teams', supervisor)).status, 200);
    assert.equal((await adminRequest(t, 'GET', '/agents', supervisor)).status, 200);
    assert.equal((await adminRequest(t, 'PUT', `/teams/${SUPORTE}`, supervisor, { name: 'Mine' })).status, 403);
    assert.equal((await adminRequest(t, 'GET', '/webchat-channels', supervisor)).status, 403);
    const own = { teamId: SUPORTE, shortcut: 'own', title: 'Own', text: 'Own team' };
    assert.equal((await adminRequest(t, 'PUT', '/canned-responses/cr-own', supervisor, own)).status, 201);
    const other = { teamId: VENDAS, shortcut: 'other', title: 'Other', text: 'Other team' };
    assert.equal((await adminRequest(t, 'PUT', '/canned-responses/cr-other', supervisor, other)).status, 403);
    assert.equal((await adminRequest(t, 'PATCH', '/canned-responses/cr-own', supervisor, { teamId: null })).status, 403);
    assert.equal((await adminRequest(t, 'GET', '/audit', supervisor)).status, 403);
  });
});

describe('admin API: invitations', () => {
  let t: TestServer;
  let owner: string;
  const invited = () => t.server.outbox!.mails().map((mail) => mail.to);
  before(async () => {
    t = await startTestServer();
    owner = await loginAgent(t.url, ANA);
  });
  after(() => t.close());

  it('mails an agent its set-password link, for admins only', async () => {
    await adminRequest(t, 'PUT', '/agents/ag-new', owner, { name: 'New Agent', email: 'new@example.com', teamIds: [SUPORTE] });
    const answer = await adminRequest(t, 'POST', '/agents/ag-new/invite', owner);
    assert.equal(answer.status, 202);
    assert.deepEqual(invited(), ['new@example.com']);
    assert.match(t.server.outbox!.last('new@example.com')!.text, /\/set-password\/#token=/);
    assert.equal((await adminRequest(t, 'POST', '/agents/ag-nobody/invite', owner)).status, 404);
    assert.equal((await adminRequest(t, 'POST', '/agents/ag-new/invite', await loginAgent(t.url, BRUNO))).status, 403);
    await adminRequest(t, 'PATCH', '/agents/ag-new', owner, { active: false });
    assert.equal((await adminRequest(t, 'POST', '/agents/ag-new/invite', owner)).status, 409);
    assert.deepEqual(invited(), ['new@example.com']);
  });
});
