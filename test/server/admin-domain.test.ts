import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ADMIN_RESOURCES, type AdminResourceName } from '../../server/src/domain/admin/resources/index.js';
import { CommandError } from '../../server/src/domain/errors.js';
import { ADMIN, AGENT, auditOf, CLI_ACTOR, OWNER, SUPERVISOR, SUPORTE, VALID_BODIES, VENDAS } from './admin-support.js';
import {
  connectAgent,
  connectVisitor,
  DEMO_AGENTS,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
  ANA,
  BRUNO,
  DEMO_PASSWORD,
} from './harness.js';

/** The error a promise rejects with, as a CommandError. */
async function refusal(promise: Promise<unknown>): Promise<CommandError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  assert.fail('expected a refusal');
}

describe('admin domain: generic audited resources', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  for (const [resource, { id, body, invalid, seeded }] of Object.entries(VALID_BODIES)) {
    it(`creates, reads and audits a ${resource} record, and refuses an invalid one naming the field`, async () => {
      const admin = t.server.services.admin;
      const seed = seeded ? await admin.get(OWNER, resource, id) : null;
      const created = (await admin.put(OWNER, resource, id, body)) as Record<string, unknown>;
      assert.equal(created.id, id);
      assert.deepEqual(await admin.get(OWNER, resource, id), created);
      assert.ok(((await admin.list(OWNER, resource)) as { id: string }[]).some((record) => record.id === id));
      const [entry] = await auditOf(t, ADMIN_RESOURCES[resource as AdminResourceName].name, id);
      assert.equal(entry?.action, seeded ? 'update' : 'create');
      assert.deepEqual(entry.actor, OWNER.audit);
      assert.deepEqual(entry.before, seed);
      assert.deepEqual(entry.after, created);

      const error = await refusal(admin.put(OWNER, resource, `${id}-bad`, invalid[0]));
      assert.equal(error.code, 'INVALID_PAYLOAD');
      assert.ok(error.fields?.[invalid[1]], `expected ${invalid[1]} in ${JSON.stringify(error.fields)}`);
      await assert.rejects(admin.get(OWNER, resource, `${id}-bad`), { code: 'NOT_FOUND' });
    });
  }

  it('writes nothing and logs nothing when a put changes nothing (applying twice is idempotent)', async () => {
    const admin = t.server.services.admin;
    await admin.put(OWNER, 'tags', 'tg-twice', { teamId: SUPORTE, name: 'Twice', color: '#123456' });
    const first = await auditOf(t, 'tag', 'tg-twice');
    const again = await admin.transaction((tx) => tx.put('tags', 'tg-twice', { teamId: SUPORTE, name: 'Twice', color: '#123456' }), {
      actor: OWNER,
    });
    assert.deepEqual(again.changes, []);
    assert.equal((await auditOf(t, 'tag', 'tg-twice')).length, first.length);
  });

  it('patches a field, validating the whole record, with before and after in the audit log', async () => {
    const admin = t.server.services.admin;
    await admin.put(OWNER, 'pause-types', 'ps-cafe', { name: 'Café', timeLimitMs: 600_000 });
    const patched = await admin.patch(OWNER, 'pause-types', 'ps-cafe', { timeLimitMs: 900_000 });
    assert.deepEqual(patched, { id: 'ps-cafe', name: 'Café', timeLimitMs: 900_000 });
    const [entry] = await auditOf(t, 'pause-type', 'ps-cafe');
    assert.equal(entry?.action, 'update');
    assert.deepEqual(entry.before, { id: 'ps-cafe', name: 'Café', timeLimitMs: 600_000 });
    assert.deepEqual(entry.after, patched);
    const error = await refusal(admin.patch(OWNER, 'pause-types', 'ps-cafe', { name: '' }));
    assert.deepEqual(Object.keys(error.fields ?? {}), ['name']);
  });

  it('never writes a secret to the audit log or answers it back', async () => {
    const admin = t.server.services.admin;
    const { body } = VALID_BODIES['whatsapp-channels']!;
    const view = await admin.put(OWNER, 'whatsapp-channels', 'wa-secret', body);
    assert.deepEqual(view, {
      id: 'wa-secret',
      name: 'WhatsApp Loja',
      defaultTeamId: SUPORTE,
      phoneNumberId: '1234567890',
      businessAccountId: '9876543210',
      accessTokenSet: true,
      appSecretSet: true,
      verifyTokenSet: true,
    });
    // Left out on a patch, the secrets are kept.
    await admin.patch(OWNER, 'whatsapp-channels', 'wa-secret', { name: 'Renamed' });
    const stored = await t.server.repo.admin.whatsappChannels.get('wa-secret');
    assert.equal(stored?.accessToken, 'EAAG-secret-access-token');
    const { identitySecret } = await admin.rotateIdentitySecret(OWNER, 'demo');
    assert.match(identitySecret, /^idv_/);
    assert.equal((await t.server.repo.getWebchatChannel('demo'))?.secret, identitySecret);
    const log = JSON.stringify(await t.server.repo.listAudit({ limit: 1000 }));
    for (const secret of [
      'EAAG-secret-access-token',
      'whatsapp-app-secret',
      'verify-me-please',
      identitySecret,
      'a-long-identity-secret',
    ]) {
      assert.ok(!log.includes(secret), `the audit log holds ${secret}`);
    }
    const [rotation] = await auditOf(t, 'webchat-channel', 'demo');
    assert.equal(rotation?.action, 'rotate-secret');
  });

  it('refuses a WhatsApp channel whose key is another kind of channel\u2019s', async () => {
    await t.server.repo.insertChannel(
      { key: 'tg-chan', kind: 'telegram', name: 'Telegram', defaultTeamId: SUPORTE, secret: 'telegram-secret' },
      0,
    );
    const error = await refusal(
      t.server.services.admin.put(OWNER, 'whatsapp-channels', 'tg-chan', VALID_BODIES['whatsapp-channels']!.body),
    );
    assert.equal(error.code, 'CONFLICT');
    assert.equal((await t.server.repo.getChannel('tg-chan'))?.name, 'Telegram');
  });

  it('rolls every change of a failing transaction back, its audit entries with it', async () => {
    const admin = t.server.services.admin;
    const auditBefore = (await t.server.repo.listAudit({ limit: 1000 })).length;
    const error = await refusal(
      admin.transaction(
        async (tx) => {
          await tx.put('tags', 'tg-rollback', { teamId: SUPORTE, name: 'Rolled back', color: '#000000' });
          await tx.put('teams', 'tm-rollback', { name: 'Rolled back' });
          await tx.put('templates', 'tpl-rollback', { teamId: 'tm-nowhere', name: 'x', language: 'pt-BR', body: 'y' });
        },
        { actor: CLI_ACTOR },
      ),
    );
    assert.deepEqual(error.fields, { teamId: 'is not a team' });
    assert.equal(await t.server.repo.admin.tags.get('tg-rollback'), null);
    assert.equal(await t.server.repo.admin.teams.get('tm-rollback'), null);
    assert.equal((await t.server.repo.listAudit({ limit: 1000 })).length, auditBefore);
  });

  it('answers what a dry run would change and changes nothing', async () => {
    const admin = t.server.services.admin;
    const auditBefore = (await t.server.repo.listAudit({ limit: 1000 })).length;
    const outcome = await admin.transaction(
      async (tx) => {
        await tx.put('teams', 'tm-dry', { name: 'Dry' });
        await tx.patch('tags', 'tg-twice', { name: 'Wet' });
        return 'done';
      },
      { actor: CLI_ACTOR, dryRun: true },
    );
    assert.equal(outcome.result, 'done');
    assert.equal(outcome.dryRun, true);
    assert.deepEqual(
      outcome.changes.map((c) => [c.action, c.resource, c.resourceId]),
      [
        ['create', 'team', 'tm-dry'],
        ['update', 'tag', 'tg-twice'],
      ],
    );
    assert.equal(await t.server.repo.admin.teams.get('tm-dry'), null);
    assert.equal((await t.server.repo.admin.tags.get('tg-twice'))?.name, 'Twice');
    assert.equal((await t.server.repo.listAudit({ limit: 1000 })).length, auditBefore);
  });

  it('keeps owners and admins the owner\u2019s to make, and the last active owner an owner', async () => {
    const admin = t.server.services.admin;
    const error = await refusal(admin.put(ADMIN, 'agents', 'ag-new-admin', { name: 'New', email: 'new-admin@example.com', role: 'admin' }));
    assert.equal(error.code, 'FORBIDDEN');
    await admin.put(OWNER, 'agents', 'ag-new-admin', { name: 'New', email: 'new-admin@example.com', role: 'admin' });
    const demotion = await refusal(admin.patch(OWNER, 'agents', DEMO_AGENTS.ana.id, { role: 'admin' }));
    assert.equal(demotion.code, 'CONFLICT');
    assert.ok(demotion.fields?.role);
    const taken = await refusal(admin.put(OWNER, 'agents', 'ag-copy', { name: 'Copy', email: DEMO_AGENTS.bruno.email }));
    assert.deepEqual(taken.fields, { email: 'is already used by another agent' });
    assert.equal((await refusal(admin.remove(OWNER, 'agents', DEMO_AGENTS.bruno.id))).code, 'CONFLICT');
  });

  it('lets a supervisor read teams and manage only their own teams\u2019 canned responses; an agent nothing', async () => {
    const admin = t.server.services.admin;
    assert.ok((await admin.list(SUPERVISOR, 'teams')).length >= 3);
    await admin.put(SUPERVISOR, 'canned-responses', 'cr-sup', { teamId: SUPORTE, shortcut: 'sup', title: 'Sup', text: 'Olá' });
    assert.equal(
      (await refusal(admin.put(SUPERVISOR, 'canned-responses', 'cr-vendas', { teamId: VENDAS, shortcut: 'v', title: 'V', text: 'V' })))
        .code,
      'FORBIDDEN',
    );
    assert.equal(
      (await refusal(admin.put(SUPERVISOR, 'canned-responses', 'cr-all', { teamId: null, shortcut: 'a', title: 'A', text: 'A' }))).code,
      'FORBIDDEN',
    );
    assert.equal((await refusal(admin.put(SUPERVISOR, 'teams', SUPORTE, { name: 'Mine' }))).code, 'FORBIDDEN');
    assert.equal((await refusal(admin.list(AGENT, 'teams'))).code, 'FORBIDDEN');
    assert.equal((await refusal(admin.audit(SUPERVISOR, { limit: 10 }))).code, 'FORBIDDEN');
  });

  it('refuses to remove a team that still holds sessions (409), and removes one that holds none', async () => {
    const admin = t.server.services.admin;
    const visitor = await connectVisitor(t.url);
    await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Visitor', teamId: SUPORTE });
    visitor.close();
    assert.equal((await refusal(admin.remove(OWNER, 'teams', SUPORTE))).code, 'CONFLICT');
    await admin.put(OWNER, 'teams', 'tm-empty', { name: 'Empty' });
    await admin.remove(OWNER, 'teams', 'tm-empty');
    const [entry] = await auditOf(t, 'team', 'tm-empty');
    assert.equal(entry?.action, 'delete');
    assert.equal(entry.after, null);
  });
});

describe('admin domain: contact settings', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('makes agents fill in the fields the company requires', async () => {
    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const contact = { id: randomUUID(), name: 'Joana', email: null, phone: null };
    assert.equal((await ana.command('contact.save', contact)).ok, true);
    await t.server.services.admin.put(ADMIN, 'contact-settings', 'contact', { requiredFields: ['name', 'phone'] });
    const refused = await ana.command('contact.save', { ...contact, name: 'Joana Dias' });
    assert.equal(refused.ok, false);
    assert.deepEqual(!refused.ok && refused.error.fields, { phone: 'is required' });
    assert.equal((await ana.command('contact.save', { ...contact, phone: '+5511987654321' })).ok, true);
    ana.close();
  });
});

describe('admin domain: deactivating an agent', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('ends its logins and hands its sessions back to their teams, waiting', async () => {
    const token = await loginAgent(t.url, BRUNO);
    const bruno = await connectAgent(t.url, token);
    const visitor = await connectVisitor(t.url);
    const { session } = await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Visitor', teamId: SUPORTE });
    await bruno.ok('session.accept', { sessionId: session.id });

    await t.server.services.admin.patch(ADMIN, 'agents', DEMO_AGENTS.bruno.id, { active: false });

    assert.deepEqual(await bruno.waitFor('auth.ended'), { reason: 'deactivated' });
    const returned = await t.server.repo.getSession(session.id);
    assert.equal(returned?.status, 'waiting');
    assert.equal(returned?.teamId, SUPORTE);
    assert.equal(returned?.agentId, null);
    assert.equal(await t.server.services.auth.authenticate(token), null);
    const refused = await postJson(`${t.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` });
    assert.notEqual(refused.status, 200);
    const login = await postJson(`${t.url}/api/auth/login`, { email: BRUNO, password: DEMO_PASSWORD });
    assert.equal(login.status, 401);
    assert.equal(
      login.body.error.message,
      'Wrong e-mail or password.',
      'the same answer as a wrong password: nothing learnt about the account',
    );
    const [entry] = await auditOf(t, 'agent', DEMO_AGENTS.bruno.id);
    assert.equal(entry?.action, 'deactivate');
    assert.equal((entry.before as { active: boolean }).active, true);
    assert.equal((entry.after as { active: boolean }).active, false);
    visitor.close();
    bruno.close();
  });
});
