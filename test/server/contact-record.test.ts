import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CONTACT_PROBLEM_MESSAGES as MESSAGE, type ContactAddress } from '../../src/protocol/index.js';
import { ADMIN } from './admin-support.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  DEMO_TAGS,
  TestClock,
  connectAgent,
  connectVisitor,
  loginAgent,
  postInbound,
  startTestServer,
  upload,
  type TestServer,
  type TestSocket,
} from './harness.js';

/** The smallest valid PNG: 1×1, transparent. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** A 1×1 GIF: an image, but not a type a contact's photo may have. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const PAULISTA: Omit<ContactAddress, 'id'> = {
  type: 'work',
  cep: '01310100',
  street: 'Avenida Paulista',
  number: '1578',
  complement: null,
  neighbourhood: 'Bela Vista',
  city: 'São Paulo',
  reference: 'Em frente ao MASP',
  location: null,
  houseType: 'commercial',
  uf: 'SP',
};

/** A phone nobody else has yet: Brazilian mobiles numbered from `n`. */
let nextPhone = 0;
const freshPhone = () => `+55119${String(87_000_000 + nextPhone++).padStart(8, '0')}`;

describe('contacts: the whole record', () => {
  // 2026-11-22 13:00 UTC: already 23 November at UTC+14, not yet the 24th anywhere.
  const clock = new TestClock();
  let t: TestServer;
  let ana: TestSocket;
  let bruno: TestSocket;
  let anaToken: string;
  let brunoToken: string;

  before(async () => {
    t = await startTestServer({ now: clock.now });
    [anaToken, brunoToken] = [await loginAgent(t.url, ANA), await loginAgent(t.url, BRUNO)];
    [ana, bruno] = [await connectAgent(t.url, anaToken), await connectAgent(t.url, brunoToken)];
  });
  after(async () => {
    ana.close();
    bruno.close();
    await t.close();
  });

  const refusal = async (payload: Record<string, unknown>) => {
    const answer = await ana.command('contact.save', { id: randomUUID(), name: 'Someone', ...payload });
    assert.equal(answer.ok, false, 'expected a refusal');
    return !answer.ok ? answer.error : (undefined as never);
  };

  it('saves and reads back every field of the record', async () => {
    const id = randomUUID();
    const record = {
      id,
      name: 'Maria Souza',
      email: 'maria.souza@example.com',
      phone: freshPhone(),
      document: '111.444.777-35',
      motherName: 'Ana Souza',
      phone2: '+12025550143',
      active: false,
      accountId: 'acc-varejo',
      classification: 'VIP',
      tagIds: [DEMO_TAGS.boleto.id, DEMO_TAGS.agendamento.id],
      rg: '12.345.678-9',
      registration: 'MAT-0042',
      birthDate: '1990-05-17',
      assignedAgentId: DEMO_AGENTS.bruno.id,
      extra1: 'Cliente desde 2010',
      extra2: null,
      extra3: 'Prefere WhatsApp',
      addresses: [{ id: 'ad-1', ...PAULISTA, cep: '01310-100' }],
    };
    const { contact } = await ana.ok('contact.save', record);
    const { document: _document, addresses: _addresses, ...asGiven } = record;
    for (const [field, value] of Object.entries(asGiven)) assert.deepEqual(contact[field as keyof typeof contact], value, field);
    assert.equal(contact.document, '11144477735');
    assert.deepEqual(contact.addresses, [{ id: 'ad-1', ...PAULISTA }]);
    assert.deepEqual((await bruno.ok('contact.get', { contactId: id })).contact, contact);
  });

  it('keeps the fields a client leaves out (a four-field form erases nothing)', async () => {
    const id = randomUUID();
    await ana.ok('contact.save', {
      id,
      name: 'Carla',
      motherName: 'Rita',
      tagIds: [DEMO_TAGS.boleto.id],
      addresses: [{ id: 'ad-1', ...PAULISTA }],
    });
    const { contact } = await ana.ok('contact.save', { id, name: 'Carla Dias', email: null, phone: null, document: null });
    assert.equal(contact.name, 'Carla Dias');
    assert.equal(contact.motherName, 'Rita');
    assert.deepEqual(contact.tagIds, [DEMO_TAGS.boleto.id]);
    assert.equal(contact.addresses.length, 1);
  });

  it('saves addresses in order, then replaces the whole list', async () => {
    const id = randomUUID();
    const home = {
      id: 'ad-home',
      ...PAULISTA,
      type: 'home' as const,
      number: '10',
      complement: 'Apto 12',
      houseType: 'apartment' as const,
    };
    const first = await ana.ok('contact.save', { id, name: 'Davi', addresses: [{ id: 'ad-work', ...PAULISTA }, home] });
    assert.deepEqual(
      first.contact.addresses.map((a) => a.id),
      ['ad-work', 'ad-home'],
    );
    const second = await ana.ok('contact.save', { id, name: 'Davi', addresses: [{ ...home, number: '12' }] });
    assert.deepEqual(second.contact.addresses, [{ ...home, number: '12' }]);
    assert.equal(second.contact.version, 2);
    const cleared = await ana.ok('contact.save', { id, name: 'Davi', addresses: [] });
    assert.deepEqual(cleared.contact.addresses, []);
    assert.deepEqual((await ana.ok('contact.get', { contactId: id })).contact.addresses, []);
  });

  it('refuses each invalid field under its name', async () => {
    const error = await refusal({
      email: 'maria@',
      phone: '+5511',
      phone2: '+550012345678',
      document: '111.444.777-34',
      birthDate: '17/05/1990',
      addresses: [{ id: 'ad-1', ...PAULISTA, cep: '0131010', uf: 'XX', type: 'castle' }],
    });
    assert.equal(error.code, 'INVALID_PAYLOAD');
    assert.equal(error.fields?.email, 'is not a valid e-mail address');
    assert.equal(error.fields?.phone, 'is not a valid international phone number');
    assert.equal(error.fields?.phone2, MESSAGE.phone);
    assert.equal(error.fields?.document, MESSAGE.document);
    assert.equal(error.fields?.birthDate, MESSAGE.date);
    assert.equal(error.fields?.['addresses.0.cep'], MESSAGE.cep);
    assert.equal(error.fields?.['addresses.0.uf'], MESSAGE.uf);
    assert.equal(error.fields?.['addresses.0.type'], MESSAGE.choice);
  });

  it("refuses a birth date after today in every time zone, on the server's clock", async () => {
    assert.equal((await ana.command('contact.save', { id: randomUUID(), name: 'Recém-nascido', birthDate: '2026-11-23' })).ok, true);
    const error = await refusal({ birthDate: '2026-11-24' });
    assert.deepEqual(error.fields, { birthDate: MESSAGE.futureDate });
  });

  it('requires the fields of a started address only', async () => {
    assert.equal((await ana.command('contact.save', { id: randomUUID(), name: 'Sem endereço', addresses: [{ id: 'ad-empty' }] })).ok, true);
    const error = await refusal({
      addresses: [
        { id: 'ad-1', ...PAULISTA },
        { id: 'ad-2', reference: 'Perto da praça' },
      ],
    });
    assert.deepEqual(error.fields, {
      'addresses.1.type': MESSAGE.required,
      'addresses.1.cep': MESSAGE.required,
      'addresses.1.street': MESSAGE.required,
      'addresses.1.number': MESSAGE.required,
      'addresses.1.neighbourhood': MESSAGE.required,
      'addresses.1.city': MESSAGE.required,
      'addresses.1.uf': MESSAGE.required,
    });
  });

  it("lets an agent edit a channel's contact whose phone predates the phone rule, and checks a phone it changes", async () => {
    // E.164 in shape, which the webhook takes, but no Brazilian number has area code 00.
    const doubtful = '+550012345678';
    const inbound = await postInbound(t.url, { from: doubtful, name: 'Lia', text: 'Oi', externalId: randomUUID() });
    assert.equal(inbound.status, 200, JSON.stringify(inbound.body));
    const contact = (await t.server.repo.findContactByPhone(doubtful))!;
    const renamed = await ana.command('contact.save', { id: contact.id, name: 'Lia Campos', phone: doubtful });
    assert.equal(renamed.ok, true, JSON.stringify(!renamed.ok && renamed.error));
    const changed = await ana.command('contact.save', { id: contact.id, name: 'Lia Campos', phone: '+550012345679' });
    assert.deepEqual(!changed.ok && changed.error.fields, { phone: MESSAGE.phone });
  });

  it('refuses unknown tags and an assigned agent that does not exist', async () => {
    assert.deepEqual((await refusal({ tagIds: ['tg-nope'] })).fields, { tagIds: 'lists a tag that does not exist' });
    assert.deepEqual((await refusal({ assignedAgentId: 'ag-nobody' })).fields, { assignedAgentId: 'is not an agent' });
  });

  it('keeps editing a contact whose tag the admin removed since', async () => {
    const tag = { id: 'tg-temporaria', teamId: 'tm-suporte', name: 'Temporária', color: '#123456' };
    await t.server.services.admin.put(ADMIN, 'tags', tag.id, { teamId: tag.teamId, name: tag.name, color: tag.color });
    const id = randomUUID();
    await ana.ok('contact.save', { id, name: 'Nina', tagIds: [tag.id] });
    await t.server.services.admin.remove(ADMIN, 'tags', tag.id);
    const renamed = await ana.command('contact.save', { id, name: 'Nina Reis', tagIds: [tag.id] });
    assert.equal(renamed.ok, true, JSON.stringify(!renamed.ok && renamed.error));
  });

  it('refuses a save over a version someone else saved meanwhile, and takes one made on the latest', async () => {
    const id = randomUUID();
    await ana.ok('contact.save', { id, name: 'Elisa' });
    await bruno.ok('contact.save', { id, name: 'Elisa Prado', version: 1 });
    const late = await ana.command('contact.save', { id, name: 'Elisa P.', version: 1 });
    assert.equal(!late.ok && late.error.code, 'CONFLICT');
    assert.deepEqual(!late.ok && late.error.fields, { version: 'is not the saved version' });
    assert.equal((await ana.ok('contact.get', { contactId: id })).contact.name, 'Elisa Prado');
    assert.equal((await ana.ok('contact.save', { id, name: 'Elisa P.', version: 2 })).contact.version, 3);
  });

  describe('duplicates', () => {
    it('refuses a phone, e-mail or CPF/CNPJ another contact has, with that contact to link to', async () => {
      const phone = freshPhone();
      const owner = await ana.ok('contact.save', {
        id: randomUUID(),
        name: 'Fábio Owner',
        phone,
        email: 'fabio@example.com',
        document: '52998224725',
      });
      const expected = (field: string) => ({ field, contactId: owner.contact.id, contactName: 'Fábio Owner' });
      for (const [field, payload] of [
        ['phone', { phone }],
        ['email', { email: 'FABIO@example.com' }],
        ['document', { document: '529.982.247-25' }],
      ] as const) {
        const error = await refusal(payload);
        assert.equal(error.code, 'CONTACT_DUPLICATE', field);
        assert.deepEqual(error.duplicate, expected(field));
        assert.deepEqual(error.fields, { [field]: 'is already on another contact' });
      }
      // Another contact moving onto the phone by an edit is refused too; its own phone 2 is not checked.
      const other = await ana.ok('contact.save', { id: randomUUID(), name: 'Gabi', phone2: phone });
      const moved = await ana.command('contact.save', { id: other.contact.id, name: 'Gabi', phone });
      assert.equal(!moved.ok && moved.error.code, 'CONTACT_DUPLICATE');
    });

    it('still lets a channel find or create its contact by phone, and an agent then edit a pair the channel made', async () => {
      const phone = freshPhone();
      const agentMade = await ana.ok('contact.save', { id: randomUUID(), name: 'Helena', phone });
      const inbound = await postInbound(t.url, { from: phone, name: 'Helena WhatsApp', text: 'Oi', externalId: randomUUID() });
      assert.equal(inbound.status, 200, JSON.stringify(inbound.body));
      // WhatsApp found the agent's contact by its phone instead of making a second one.
      const { sessions } = await ana.ok('contact.history', { contactId: agentMade.contact.id });
      assert.equal(sessions.length, 1);

      // A webchat visitor giving an e-mail another contact has is still served (the e-mail is not taken).
      await ana.ok('contact.save', { id: randomUUID(), name: 'Iara', email: 'iara@example.com' });
      const visitor = await connectVisitor(t.url);
      const started = await visitor.ok('webchat.start', {
        sessionId: randomUUID(),
        name: 'Iara',
        email: 'iara@example.com',
        teamId: 'tm-vendas',
      });
      assert.equal(started.contact.email, null);
      visitor.close();

      // Two contacts that already share a phone (made before this rule): editing one of them is not refused for it.
      const shared = freshPhone();
      const first = await ana.ok('contact.save', { id: randomUUID(), name: 'Júlia', phone: shared });
      const second = { id: randomUUID(), name: 'Júlia B' };
      await ana.ok('contact.save', second);
      await t.server.repo.updateContact({ ...(await t.server.repo.getContact(second.id))!, phone: shared, version: 2 }, 1);
      const edited = await ana.command('contact.save', { ...second, name: 'Júlia Braga', phone: shared });
      assert.equal(edited.ok, true, JSON.stringify(!edited.ok && edited.error));
      assert.notEqual(first.contact.id, second.id);
    });
  });

  it("requires the company's configured fields, and tells agents which", async () => {
    try {
      await t.server.services.admin.patch(ADMIN, 'contact-settings', 'contact', {
        requiredFields: ['name', 'document', 'birthDate', 'addresses'],
      });
      const settings = await ana.ok('contact.settings', {});
      assert.deepEqual(settings.requiredFields, ['name', 'document', 'birthDate', 'addresses']);
      const error = await refusal({});
      assert.equal(error.code, 'INVALID_PAYLOAD');
      assert.deepEqual(error.fields, { document: MESSAGE.required, birthDate: MESSAGE.required, addresses: MESSAGE.required });
      const complete = { document: '11222333000181', birthDate: '1980-01-01', addresses: [{ id: 'ad-1', ...PAULISTA }] };
      assert.equal((await ana.command('contact.save', { id: randomUUID(), name: 'Completa', ...complete })).ok, true);
    } finally {
      await t.server.services.admin.patch(ADMIN, 'contact-settings', 'contact', { requiredFields: ['name'] });
    }
  });

  it("answers the photo's limits with the settings", async () => {
    const settings = await ana.ok('contact.settings', {});
    assert.deepEqual(settings.photo, { maxBytes: 2 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] });
  });

  describe('photo', () => {
    it('takes a PNG the agent uploaded and answers its signed url', async () => {
      const file = await upload(t.url, PNG, 'maria.png', { authorization: `Bearer ${anaToken}` });
      assert.equal(file.status, 200, JSON.stringify(file.body));
      const { contact } = await ana.ok('contact.save', { id: randomUUID(), name: 'Com foto', photoFileId: file.body.attachment.id });
      assert.equal(contact.photo?.fileId, file.body.attachment.id);
      assert.match(contact.photo?.url ?? '', new RegExp(`/api/files/${file.body.attachment.id}\\?`));
      const image = await fetch(new URL(contact.photo!.url, t.url));
      assert.equal(image.status, 200);
      // Bruno may save the contact keeping Ana's photo: only a new photo must be the saver's own.
      assert.equal((await bruno.command('contact.save', { id: contact.id, name: 'Com foto 2' })).ok, true);
      const removed = await ana.ok('contact.save', { id: contact.id, name: 'Com foto 2', photoFileId: null });
      assert.equal(removed.contact.photo, null);
    });

    it("refuses another type of image, one over 2 MiB, and another agent's upload", async () => {
      const gif = await upload(t.url, GIF, 'x.gif', { authorization: `Bearer ${anaToken}` });
      assert.equal(gif.status, 200, JSON.stringify(gif.body));
      assert.deepEqual((await refusal({ photoFileId: gif.body.attachment.id })).fields, {
        photoFileId: 'is not a JPEG, PNG or WebP image',
      });
      // A PNG (its signature is what is sniffed) one byte over the photo's 2 MiB, well under the upload limit.
      const large = await upload(t.url, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 1 - PNG.length)]), 'big.png', {
        authorization: `Bearer ${anaToken}`,
      });
      assert.equal(large.status, 200, JSON.stringify(large.body));
      assert.deepEqual((await refusal({ photoFileId: large.body.attachment.id })).fields, { photoFileId: 'is larger than 2 MB' });
      const brunos = await upload(t.url, PNG, 'b.png', { authorization: `Bearer ${brunoToken}` });
      assert.deepEqual((await refusal({ photoFileId: brunos.body.attachment.id })).fields, { photoFileId: 'is not an image you uploaded' });
    });
  });

  describe('CEP lookup', () => {
    it('answers the address of a known CEP, masked or not', async () => {
      const { address } = await ana.ok('contact.cep', { cep: '01310-100' });
      assert.deepEqual(address, { cep: '01310100', street: 'Avenida Paulista', neighbourhood: 'Bela Vista', city: 'São Paulo', uf: 'SP' });
    });

    it('answers NOT_FOUND for an unknown CEP and INVALID_PAYLOAD for one that is not 8 digits', async () => {
      const unknown = await ana.command('contact.cep', { cep: '99999999' });
      assert.equal(!unknown.ok && unknown.error.code, 'NOT_FOUND');
      const malformed = await ana.command('contact.cep', { cep: '1234' });
      assert.deepEqual(!malformed.ok && malformed.error.fields, { cep: MESSAGE.cep });
    });
  });

  it("never shows a visitor the company's record of it", async () => {
    const visitor = await connectVisitor(t.url);
    await visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Karina', teamId: 'tm-vendas' });
    const contactId = visitor.visitor.contactId;
    await ana.ok('contact.save', {
      id: contactId,
      name: 'Karina',
      classification: 'Inadimplente',
      extra1: 'Nota interna',
      assignedAgentId: DEMO_AGENTS.ana.id,
    });
    const event = await visitor.waitFor('contact.updated', (e) => e.contact.id === contactId && e.contact.version === 2);
    assert.equal(event.contact.classification, null);
    assert.equal(event.contact.extra1, null);
    assert.equal(event.contact.assignedAgentId, null);
    const { contact } = await visitor.ok('webchat.sessions', {});
    assert.equal(contact?.classification, null);
    // Agents still see it.
    assert.equal((await ana.ok('contact.get', { contactId })).contact.classification, 'Inadimplente');
    visitor.close();
  });
});
