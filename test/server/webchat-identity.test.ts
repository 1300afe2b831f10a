import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  DEMO_VENDAS_CHANNEL_KEY,
  DEMO_VENDAS_WEBCHAT_SECRET,
  configureWebchatChannel,
  connect,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  postInbound,
  postJson,
  startTestServer,
  userHash,
  verifiedUser,
  type TestServer,
} from './harness.js';

const visitors = (url: string, key = 'demo') => `${url}/api/webchat/${key}/visitors`;

describe('identity verification', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.close());

  it('accepts the hex HMAC-SHA256 of the user id with the channel’s secret, and sets the visitor’s userId and contact', async () => {
    const user = verifiedUser('user-1001', { name: 'Carla Dias', email: 'Carla@Example.com', phone: '+5511912345678' });
    const { status, body } = await postJson(visitors(t.url), { user });
    assert.equal(status, 200);
    assert.match(body.visitorToken, /^vt_/);
    assert.equal(body.visitor.userId, 'user-1001');
    const socket = await connect(t.url, { visitorToken: body.visitorToken });
    const { contact } = await socket.ok('webchat.sessions', {});
    assert.deepEqual(
      { id: contact?.id, name: contact?.name, email: contact?.email, phone: contact?.phone },
      { id: body.visitor.contactId, name: 'Carla Dias', email: 'carla@example.com', phone: '+5511912345678' },
    );
    // The site vouched for the name: the pre-chat's required name is satisfied.
    const started = await socket.ok('webchat.start', { sessionId: randomUUID(), teamId: 'tm-suporte' });
    assert.equal(started.contact.name, 'Carla Dias');
    socket.close();
  });

  it('refuses a wrong hash, another channel’s hash, or a channel without a secret with 401 IDENTITY_REJECTED', async () => {
    const wrong = await postJson(visitors(t.url), { user: { id: 'user-1001', hash: userHash('user-1002') } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'IDENTITY_REJECTED');
    const otherChannel = await postJson(visitors(t.url), {
      user: { id: 'user-1001', hash: userHash('user-1001', DEMO_VENDAS_WEBCHAT_SECRET) },
    });
    assert.equal(otherChannel.status, 401);
    const empty = await postJson(visitors(t.url), { user: { id: 'user-1001', hash: '' } });
    assert.equal(empty.body.error.code, 'IDENTITY_REJECTED');

    const sales = verifiedUser('user-7', {}, DEMO_VENDAS_WEBCHAT_SECRET);
    assert.equal((await postJson(visitors(t.url, DEMO_VENDAS_CHANNEL_KEY), { user: sales })).status, 200);
    await configureWebchatChannel(t, DEMO_VENDAS_CHANNEL_KEY, { secret: null });
    const noSecret = await postJson(visitors(t.url, DEMO_VENDAS_CHANNEL_KEY), { user: sales });
    assert.equal(noSecret.status, 401);
    assert.equal(noSecret.body.error.code, 'IDENTITY_REJECTED');
    await configureWebchatChannel(t, DEMO_VENDAS_CHANNEL_KEY, { secret: DEMO_VENDAS_WEBCHAT_SECRET });
  });

  it('answers 400 with fields for a malformed user', async () => {
    const { status, body } = await postJson(visitors(t.url), { user: { ...verifiedUser('user-1001'), email: 'not an e-mail' } });
    assert.equal(status, 400);
    assert.equal(body.error.code, 'INVALID_PAYLOAD');
    assert.ok(body.error.fields['user.email']);
  });

  it('every device of a verified user shares one contact: its sessions and their events reach them all', async () => {
    const user = verifiedUser('user-2002', { name: 'Davi' });
    const phone = await connectVisitor(t.url, 'demo', undefined, user);
    const laptop = await connectVisitor(t.url, 'demo', undefined, user);
    assert.notEqual(phone.visitor.id, laptop.visitor.id);
    assert.notEqual(phone.visitorToken, laptop.visitorToken);
    assert.equal(phone.visitor.contactId, laptop.visitor.contactId);

    const sessionId = randomUUID();
    await phone.ok('webchat.start', { sessionId, teamId: 'tm-suporte', text: 'Oi do celular' });
    const onLaptop = await laptop.waitFor('message.created', (e) => e.message.sessionId === sessionId);
    assert.equal(onLaptop.message.text, 'Oi do celular');
    assert.deepEqual(
      (await laptop.ok('webchat.sessions', {})).sessions.map((s) => s.id),
      [sessionId],
    );

    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    await ana.ok('session.accept', { sessionId });
    await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Olá, Davi!' });
    for (const device of [phone, laptop]) await device.waitFor('message.created', (e) => e.message.text === 'Olá, Davi!');

    // A device that connects later sees the conversation too.
    const tablet = await connectVisitor(t.url, 'demo', undefined, user);
    const synced = await tablet.ok('session.sync', { sessionId });
    assert.deepEqual(
      synced.messages.filter((m) => m.kind === 'text').map((m) => m.text),
      ['Oi do celular', 'Olá, Davi!'],
    );
    await laptop.ok('message.send', { id: randomUUID(), sessionId, text: 'Do notebook' });
    await tablet.waitFor('message.created', (e) => e.message.text === 'Do notebook');
    for (const socket of [phone, laptop, tablet, ana]) socket.close();
  });

  it('keeps the visitor for its own previous token, and does not reuse another user’s token', async () => {
    const first = await postJson(visitors(t.url), { user: verifiedUser('user-3003') });
    const again = await postJson(visitors(t.url), { user: verifiedUser('user-3003'), visitorToken: first.body.visitorToken });
    assert.deepEqual(again.body, first.body);
    // Without user, a verified visitor's token still keeps it (a page that does not pass the user).
    const plain = await postJson(visitors(t.url), { visitorToken: first.body.visitorToken });
    assert.deepEqual(plain.body, first.body);

    const other = await postJson(visitors(t.url), { user: verifiedUser('user-4004'), visitorToken: first.body.visitorToken });
    assert.equal(other.status, 200);
    assert.notEqual(other.body.visitorToken, first.body.visitorToken);
    assert.notEqual(other.body.visitor.contactId, first.body.visitor.contactId);
    assert.equal(other.body.visitor.userId, 'user-4004');
  });

  it('the first verification on a browser adopts its anonymous conversation under a new token; the old token stops working', async () => {
    const anonymous = await connectVisitor(t.url);
    const sessionId = randomUUID();
    await anonymous.ok('webchat.start', { sessionId, name: 'Eva', teamId: 'tm-suporte', text: 'Antes do login' });
    const { status, body } = await postJson(visitors(t.url), {
      visitorToken: anonymous.visitorToken,
      user: verifiedUser('user-5005', { email: 'eva@example.com' }),
    });
    assert.equal(status, 200);
    assert.notEqual(body.visitorToken, anonymous.visitorToken);
    assert.deepEqual(body.visitor, { ...anonymous.visitor, userId: 'user-5005' });

    const verified = await connect(t.url, { visitorToken: body.visitorToken });
    const { sessions, contact } = await verified.ok('webchat.sessions', {});
    assert.deepEqual(
      sessions.map((s) => s.id),
      [sessionId],
    );
    assert.equal(contact?.name, 'Eva');
    assert.equal(contact?.email, 'eva@example.com');
    await assert.rejects(connect(t.url, { visitorToken: anonymous.visitorToken }), { message: 'UNAUTHENTICATED' });
    const reused = await postJson(visitors(t.url), { visitorToken: anonymous.visitorToken });
    assert.notEqual(reused.body.visitor.contactId, anonymous.visitor.contactId, 'the old token now gets a new anonymous visitor');

    // Another device of that user sees the adopted conversation.
    const otherDevice = await connectVisitor(t.url, 'demo', undefined, verifiedUser('user-5005'));
    assert.deepEqual(
      (await otherDevice.ok('webchat.sessions', {})).sessions.map((s) => s.id),
      [sessionId],
    );
    for (const socket of [anonymous, verified, otherDevice]) socket.close();
  });

  it('a user who already has a contact keeps it: an anonymous visitor’s conversation is not merged into it', async () => {
    const known = await connectVisitor(t.url, 'demo', undefined, verifiedUser('user-6006', { name: 'Fábio' }));
    const anonymous = await connectVisitor(t.url);
    const anonymousSession = randomUUID();
    await anonymous.ok('webchat.start', { sessionId: anonymousSession, name: 'Anônimo', teamId: 'tm-suporte' });
    const { body } = await postJson(visitors(t.url), { visitorToken: anonymous.visitorToken, user: verifiedUser('user-6006') });
    assert.equal(body.visitor.contactId, known.visitor.contactId);
    const socket = await connect(t.url, { visitorToken: body.visitorToken });
    assert.deepEqual((await socket.ok('webchat.sessions', {})).sessions, []);
    const stolen = await socket.command('session.sync', { sessionId: anonymousSession });
    assert.ok(!stolen.ok);
    assert.equal(stolen.error.code, 'NOT_FOUND');
    for (const s of [known, anonymous, socket]) s.close();
  });

  it('a WhatsApp conversation that found the visitor’s contact by phone never reaches the visitor', async () => {
    const phone = '+5531990002222';
    const visitor = await connectVisitor(t.url, DEMO_VENDAS_CHANNEL_KEY);
    await visitor.ok('webchat.start', { sessionId: randomUUID(), email: 'zap@example.com', phone, teamId: 'tm-vendas' });
    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const { body } = await postInbound(t.url, { from: phone, text: 'Oi pelo WhatsApp', externalId: randomUUID() });
    assert.equal((await t.server.repo.getSession(body.sessionId))?.contactId, visitor.visitor.contactId, 'the same contact');
    await ana.waitFor('session.updated', (e) => e.session.id === body.sessionId);
    await delay(50);
    assert.equal(visitor.received('message.created', (e) => e.message.sessionId === body.sessionId).length, 0);
    assert.equal(visitor.received('session.updated', (e) => e.session.id === body.sessionId).length, 0);
    ana.close();
    visitor.close();
  });

  it('does not let a verified user claim an e-mail another contact already has', async () => {
    const owner = await connectVisitor(t.url);
    await owner.ok('webchat.start', { sessionId: randomUUID(), name: 'Gil', email: 'gil@example.com', teamId: 'tm-suporte' });
    const claimer = await connectVisitor(
      t.url,
      'demo',
      undefined,
      verifiedUser('user-7007', { name: 'Impostor', email: 'gil@example.com' }),
    );
    const { contact } = await claimer.ok('webchat.sessions', {});
    assert.equal(contact?.email, null);
    assert.notEqual(contact?.id, owner.visitor.contactId);
    owner.close();
    claimer.close();
  });
});
