import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  connect,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  postJson,
  startTestServer,
  upload,
  type TestServer,
} from './harness.js';

/** One server for the file, with a channel `shop` that only https://shop.example may use. */
let t: TestServer;
before(async () => {
  t = await startTestServer();
  await t.server.repo.insertWebchatChannel(
    { key: 'shop', name: 'Shop', teamIds: ['tm-vendas'], allowedOrigins: ['https://shop.example'] },
    Date.now(),
  );
});
after(() => t.close());

describe('webchat channels and visitors over HTTP', () => {
  it('GET /api/webchat/:key answers the channel’s name and teams, 404 for an unknown key', async () => {
    const response = await fetch(`${t.url}/api/webchat/demo`);
    assert.equal(response.status, 200);
    const channel = (await response.json()) as any;
    assert.equal(channel.key, 'demo');
    assert.equal(channel.name, 'Conecta Demo');
    assert.deepEqual(
      channel.teams.map((team: any) => [team.id, team.name]),
      [
        ['tm-suporte', 'Suporte'],
        ['tm-vendas', 'Vendas'],
        ['tm-financeiro', 'Financeiro'],
      ],
    );
    const missing = await fetch(`${t.url}/api/webchat/nope`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as any).error.code, 'NOT_FOUND');
  });

  it('a visitor keeps its identity with its token, and becomes a new visitor with an unknown or foreign one', async () => {
    const first = await postJson(`${t.url}/api/webchat/demo/visitors`, {});
    assert.equal(first.status, 200);
    assert.equal(first.body.visitor.channelKey, 'demo');
    const same = await postJson(`${t.url}/api/webchat/demo/visitors`, { visitorToken: first.body.visitorToken });
    assert.deepEqual(same.body, first.body);
    const unknown = await postJson(`${t.url}/api/webchat/demo/visitors`, { visitorToken: 'vt_unknown' });
    assert.notEqual(unknown.body.visitor.id, first.body.visitor.id);
    const foreign = await postJson(`${t.url}/api/webchat/shop/visitors`, { visitorToken: first.body.visitorToken });
    assert.notEqual(foreign.body.visitor.id, first.body.visitor.id);
    assert.equal(foreign.body.visitor.channelKey, 'shop');
    assert.equal((await postJson(`${t.url}/api/webchat/nope/visitors`, {})).status, 404);
  });

  it('webchat.sessions answers a null contact before the first start', async () => {
    const visitor = await connectVisitor(t.url);
    assert.deepEqual(await visitor.ok('webchat.sessions', {}), { contact: null, sessions: [], queue: [] });
    visitor.close();
  });

  it('reflects any origin on the API (bearer tokens, no cookies), and answers preflights', async () => {
    const response = await fetch(`${t.url}/api/webchat/demo`, { headers: { origin: 'https://crm.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://crm.example');
    const preflight = await fetch(`${t.url}/api/auth/logout`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://crm.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://crm.example');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'authorization');
  });

  it('refuses pages of origins a channel does not allow, over HTTP and at the socket handshake', async () => {
    const refused = await fetch(`${t.url}/api/webchat/shop`, { headers: { origin: 'https://evil.example' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const allowed = await fetch(`${t.url}/api/webchat/shop`, { headers: { origin: 'https://shop.example' } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');

    const { body } = await postJson(`${t.url}/api/webchat/shop/visitors`, {}, { origin: 'https://shop.example' });
    const ok = await connect(t.url, { visitorToken: body.visitorToken }, { origin: 'https://shop.example' });
    ok.close();
    await assert.rejects(connect(t.url, { visitorToken: body.visitorToken }, { origin: 'https://evil.example' }), {
      message: 'UNAUTHENTICATED',
    });
  });
});

describe('webchat typing, read receipts and uploads', () => {
  /** A visitor with two tabs (one token), a session Ana accepted, and Ana's socket. */
  async function conversation() {
    const tab1 = await connectVisitor(t.url);
    const tab2 = await connectVisitor(t.url, 'demo', tab1.visitorToken);
    const ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const { session } = await tab1.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: 'tm-suporte' });
    await ana.ok('session.accept', { sessionId: session.id });
    return { tab1, tab2, ana, session, close: () => [tab1, tab2, ana].forEach((s) => s.close()) };
  }

  it('relays the visitor’s typing to the agent (not to its own other tabs), and the agent’s to every tab', async () => {
    const { tab1, tab2, ana, session, close } = await conversation();
    await tab1.ok('session.typing', { sessionId: session.id, typing: true });
    const heard = await ana.waitFor('session.typing', (e) => e.sessionId === session.id);
    assert.deepEqual(heard, {
      sessionId: session.id,
      authorKind: 'contact',
      authorId: session.contactId,
      authorName: 'Maria',
      typing: true,
    });

    await ana.ok('session.typing', { sessionId: session.id, typing: true });
    for (const tab of [tab1, tab2]) {
      const typing = await tab.waitFor('session.typing', (e) => e.authorKind === 'agent');
      assert.deepEqual(typing, { sessionId: session.id, authorKind: 'agent', authorId: 'ag-ana', authorName: 'Ana', typing: true });
    }
    await delay(50);
    assert.equal(
      tab2.received('session.typing', (e) => e.authorKind === 'contact').length,
      0,
      'a tab does not hear its own visitor typing',
    );
    assert.equal(ana.received('session.typing', (e) => e.authorKind === 'agent').length, 0, 'the sender does not hear itself');
    close();
  });

  it('a visitor’s read receipt reaches the agent and every tab of the visitor as message.status', async () => {
    const { tab1, tab2, ana, session, close } = await conversation();
    const { message } = await ana.ok('message.send', { id: randomUUID(), sessionId: session.id, text: 'Olá, Maria!' });
    await tab1.ok('message.receipt', { sessionId: session.id, upToSeq: message.seq, status: 'read' });
    for (const socket of [ana, tab1, tab2]) {
      const status = await socket.waitFor('message.status', (e) => e.sessionId === session.id);
      assert.equal(status.status, 'read');
      assert.equal(status.upToSeq, message.seq);
      assert.deepEqual(status.authorKinds, ['agent']);
    }
    close();
  });

  it('holds visitor uploads to the channel’s allowed origins, like the socket handshake', async () => {
    const { body } = await postJson(`${t.url}/api/webchat/shop/visitors`, {}, { origin: 'https://shop.example' });
    const bytes = new TextEncoder().encode('comprovante');
    const refused = await upload(t.url, bytes, 'a.txt', { 'x-visitor-token': body.visitorToken, origin: 'https://evil.example' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'FORBIDDEN');
    const allowed = await upload(t.url, bytes, 'a.txt', { 'x-visitor-token': body.visitorToken, origin: 'https://shop.example' });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.body.attachment.name, 'a.txt');
    // A channel open to any origin takes uploads from any page.
    const demo = await postJson(`${t.url}/api/webchat/demo/visitors`, {});
    const anywhere = await upload(t.url, bytes, 'b.txt', { 'x-visitor-token': demo.body.visitorToken, origin: 'https://evil.example' });
    assert.equal(anywhere.status, 200);
  });
});
