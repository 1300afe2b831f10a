import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { emptyContactRecord } from '../../src/protocol/index.js';
import { ANA, BRUNO, TestClock, T0, connectVisitor, delay, startWithAgents, type TestServer, type TestSocket } from './harness.js';

describe('contacts', () => {
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  let bruno: TestSocket;
  before(
    async () =>
      ({
        t,
        agents: [ana, bruno],
      } = await startWithAgents([ANA, BRUNO], { now: clock.now })),
  );
  after(() => t.close());

  it('creates a contact with version 1, then replaces the whole record and bumps the version', async () => {
    const id = randomUUID();
    const created = await ana.ok('contact.save', { id, name: ' João ', email: 'JOAO@example.com', phone: '+5511987654321' });
    assert.deepEqual(created.contact, {
      id,
      name: 'João',
      email: 'joao@example.com',
      phone: '+5511987654321',
      document: null,
      ...emptyContactRecord(),
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    });
    clock.advance(1000);
    const updated = await ana.ok('contact.save', { id, name: 'João Silva' });
    assert.equal(updated.contact.version, 2);
    assert.equal(updated.contact.email, null, 'an omitted e-mail becomes null');
    assert.equal(updated.contact.updatedAt, T0 + 1000);
    assert.equal(updated.contact.createdAt, T0);
    assert.deepEqual((await bruno.ok('contact.get', { contactId: id })).contact, updated.contact);
  });

  it('saving the same values again changes nothing', async () => {
    const id = randomUUID();
    const first = await ana.ok('contact.save', { id, name: 'Same', email: null, phone: null });
    const again = await ana.ok('contact.save', { id, name: 'Same' });
    assert.deepEqual(again.contact, first.contact);
  });

  it('validates every field and answers each error under its name', async () => {
    const answer = await ana.command('contact.save', { id: randomUUID(), name: '', email: 'not-an-email', phone: '11 98765-4321' });
    assert.equal(!answer.ok && answer.error.code, 'INVALID_PAYLOAD');
    assert.deepEqual(!answer.ok && Object.keys(answer.error.fields ?? {}).sort(), ['email', 'name', 'phone']);
  });

  it('refuses an e-mail used by another contact with CONTACT_DUPLICATE, naming the field and that contact', async () => {
    const first = await ana.ok('contact.save', { id: randomUUID(), name: 'First', email: 'taken@example.com' });
    const answer = await ana.command('contact.save', { id: randomUUID(), name: 'Second', email: 'Taken@Example.com' });
    assert.equal(!answer.ok && answer.error.code, 'CONTACT_DUPLICATE');
    assert.deepEqual(!answer.ok && answer.error.fields, { email: 'is already on another contact' });
    assert.deepEqual(!answer.ok && answer.error.duplicate, { field: 'email', contactId: first.contact.id, contactName: 'First' });
  });

  it('answers NOT_FOUND for an unknown contact', async () => {
    const answer = await ana.command('contact.get', { contactId: 'nobody' });
    assert.equal(!answer.ok && answer.error.code, 'NOT_FOUND');
  });

  it('sends contact.updated to the agents of the contact’s open sessions and to its visitor', async () => {
    const visitor = await connectVisitor(t.url);
    const sessionId = randomUUID();
    await visitor.ok('webchat.start', { sessionId, name: 'Maria', teamId: 'tm-vendas' }); // Ana's team, not Bruno's
    const { contact } = await ana.ok('contact.save', { id: visitor.visitor.contactId, name: 'Maria Souza', phone: '+5511987650002' });
    assert.equal(contact.version, 2);
    await visitor.waitFor('contact.updated', (e) => e.contact.version === 2);
    await ana.waitFor('contact.updated', (e) => e.contact.id === contact.id && e.contact.version === 2);
    await delay(30);
    assert.equal(bruno.received('contact.updated', (e) => e.contact.id === contact.id).length, 0);
    const sent = await visitor.ok('message.send', { id: randomUUID(), sessionId, text: 'hi' });
    assert.equal(sent.message.authorName, 'Maria Souza');
    visitor.close();
  });
});
