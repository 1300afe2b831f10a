import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CONTACT_PROBLEM_MESSAGES as MESSAGE } from '../../src/protocol/index.js';
import { ADMIN, adminRequest } from './admin-support.js';
import { ANA, DEMO_ACCOUNTS, DEMO_CLASSIFICATIONS, loginAgent, startWithAgents, type TestServer, type TestSocket } from './harness.js';

describe('customer accounts and classifications on contacts', { timeout: 60_000 }, () => {
  let t: TestServer;
  let ana: TestSocket;
  const save = (fields: Record<string, unknown>) => ana.command('contact.save', { id: randomUUID(), ...fields } as never);
  const saved = async (fields: Record<string, unknown>) => (await ana.ok('contact.save', { id: randomUUID(), ...fields } as never)).contact;
  /** A word no demo contact has, so a search sees only this test's contacts. */
  const word = () => `zq${randomUUID().slice(0, 8)}`;

  before(
    async () =>
      ({
        t,
        agents: [ana],
      } = await startWithAgents([ANA])),
  );
  after(() => t.close());

  it('lists every account (inactive ones marked) in the catalog, and the classifications in contact.settings', async () => {
    const catalog = await ana.ok('agent.catalog', {});
    assert.deepEqual(
      catalog.accounts,
      Object.values(DEMO_ACCOUNTS).sort((a, b) => a.name.localeCompare(b.name)),
    );
    assert.deepEqual((await ana.ok('contact.settings', {})).classifications, DEMO_CLASSIFICATIONS);
  });

  it('links a contact to an active account and classifies it from the list', async () => {
    const contact = await saved({ name: 'Linked', accountId: DEMO_ACCOUNTS.varejo.id, classification: 'Ouro' });
    assert.equal(contact.accountId, DEMO_ACCOUNTS.varejo.id);
    assert.equal(contact.classification, 'Ouro');
  });

  it('refuses an unknown or inactive account, naming the field', async () => {
    for (const accountId of ['acc-nobody', DEMO_ACCOUNTS.parceiros.id]) {
      const answer = await save({ name: 'Refused', accountId });
      assert.equal(answer.ok, false, accountId);
      assert.equal(!answer.ok && answer.error.code, 'INVALID_PAYLOAD');
      assert.deepEqual(!answer.ok && answer.error.fields, { accountId: MESSAGE.account });
    }
  });

  it('refuses a classification the company does not list', async () => {
    const answer = await save({ name: 'Refused', classification: 'Platina' });
    assert.deepEqual(!answer.ok && answer.error.fields, { classification: MESSAGE.choice });
  });

  it('keeps an account deactivated and a classification unlisted since, while other fields change', async () => {
    const admin = t.server.services.admin;
    await admin.put(ADMIN, 'accounts', 'acc-closing', { name: 'Closing', active: true });
    const contact = await saved({ name: 'Old record', accountId: 'acc-closing', classification: 'Prata' });
    await admin.patch(ADMIN, 'accounts', 'acc-closing', { active: false });
    await admin.patch(ADMIN, 'contact-settings', 'contact', { classifications: ['VIP'] });
    try {
      const { contact: edited } = await ana.ok('contact.save', { id: contact.id, name: 'Old record, renamed' });
      assert.equal(edited.accountId, 'acc-closing');
      assert.equal(edited.classification, 'Prata');
      const again = await ana.ok('contact.save', { id: contact.id, name: 'Old record', accountId: 'acc-closing', classification: 'Prata' });
      assert.equal(again.contact.name, 'Old record');
      // Changing them is held to the lists; clearing them is always allowed.
      const moved = await ana.command('contact.save', { id: contact.id, name: 'Old record', classification: 'Ouro' });
      assert.deepEqual(!moved.ok && moved.error.fields, { classification: MESSAGE.choice });
      const cleared = await ana.ok('contact.save', { id: contact.id, name: 'Old record', accountId: null, classification: null });
      assert.equal(cleared.contact.accountId, null);
      assert.equal(cleared.contact.classification, null);
    } finally {
      await admin.patch(ADMIN, 'contact-settings', 'contact', { classifications: [...DEMO_CLASSIFICATIONS] });
    }
  });

  it('requires an account when the company says so', async () => {
    const admin = t.server.services.admin;
    await admin.patch(ADMIN, 'contact-settings', 'contact', { requiredFields: ['name', 'accountId'] });
    try {
      const answer = await save({ name: 'No account' });
      assert.deepEqual(!answer.ok && answer.error.fields, { accountId: MESSAGE.required });
      assert.ok((await saved({ name: 'With account', accountId: DEMO_ACCOUNTS.empresas.id })).id);
    } finally {
      await admin.patch(ADMIN, 'contact-settings', 'contact', { requiredFields: ['name'] });
    }
  });

  it("narrows contact.search to an account's contacts, with a query or without", async () => {
    const w = word();
    await saved({ name: `Varejo ${w}`, accountId: DEMO_ACCOUNTS.varejo.id });
    await saved({ name: `Empresas ${w}`, accountId: DEMO_ACCOUNTS.empresas.id });
    await saved({ name: `Nenhuma ${w}` });
    const names = async (payload: Record<string, unknown>) =>
      (await ana.ok('contact.search', payload as never)).contacts.map((contact) => contact.name);
    assert.deepEqual(await names({ query: w }), [`Empresas ${w}`, `Nenhuma ${w}`, `Varejo ${w}`]);
    assert.deepEqual(await names({ query: w, accountId: DEMO_ACCOUNTS.varejo.id }), [`Varejo ${w}`]);
    assert.deepEqual(await names({ query: w, accountId: DEMO_ACCOUNTS.parceiros.id }), []);
    const wholeAccount = await names({ accountId: DEMO_ACCOUNTS.empresas.id, limit: 100 });
    assert.ok(wholeAccount.includes(`Empresas ${w}`) && !wholeAccount.includes(`Varejo ${w}`), wholeAccount.join());
  });

  describe('the admin API', () => {
    let owner: string;
    before(async () => (owner = await loginAgent(t.url, ANA)));

    it('creates an account active by default, deactivates it (audited as such), and lists it by name', async () => {
      const created = await adminRequest(t, 'PUT', '/accounts/acc-aaa', owner, { name: 'Aaa Atacado' });
      assert.equal(created.status, 201);
      assert.deepEqual(created.body, { id: 'acc-aaa', name: 'Aaa Atacado', active: true });
      assert.equal((await adminRequest(t, 'PATCH', '/accounts/acc-aaa', owner, { active: false })).body.active, false);
      const audit = await adminRequest(t, 'GET', '/audit?resource=account&id=acc-aaa', owner);
      assert.deepEqual(
        audit.body.entries.map((e: { action: string }) => e.action),
        ['deactivate', 'create'],
      );
      const listed = (await adminRequest(t, 'GET', '/accounts', owner)).body as { name: string }[];
      assert.equal(listed[0]?.name, 'Aaa Atacado');
    });

    it('removes an account no contact is linked to, and refuses one with contacts (deactivate it instead)', async () => {
      assert.equal((await adminRequest(t, 'PUT', '/accounts/acc-empty', owner, { name: 'Empty' })).status, 201);
      assert.equal((await adminRequest(t, 'DELETE', '/accounts/acc-empty', owner)).status, 204);
      await saved({ name: 'Holds it', accountId: DEMO_ACCOUNTS.empresas.id });
      const refused = await adminRequest(t, 'DELETE', `/accounts/${DEMO_ACCOUNTS.empresas.id}`, owner);
      assert.equal(refused.status, 409);
      assert.match(refused.body.error.message, /deactivate it instead/);
      assert.equal((await adminRequest(t, 'GET', `/accounts/${DEMO_ACCOUNTS.empresas.id}`, owner)).status, 200);
    });

    it('refuses a classification list that names one twice or one too long', async () => {
      const twice = await adminRequest(t, 'PATCH', '/contact-settings/contact', owner, { classifications: ['VIP', 'VIP'] });
      assert.equal(twice.status, 400);
      assert.ok(twice.body.error.fields.classifications);
      const long = await adminRequest(t, 'PATCH', '/contact-settings/contact', owner, { classifications: ['x'.repeat(61)] });
      assert.ok(long.body.error.fields['classifications.0']);
    });
  });
});
