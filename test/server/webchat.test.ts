import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, connectVisitor, postJson, startTestServer, type TestServer } from './harness.js';

describe('webchat channels and visitors over HTTP', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    await t.server.repo.insertWebchatChannel(
      { key: 'shop', name: 'Shop', teamIds: ['tm-vendas'], allowedOrigins: ['https://shop.example'] },
      Date.now(),
    );
  });
  after(() => t.close());

  it('GET /api/webchat/:key answers the channel’s name and teams, 404 for an unknown key', async () => {
    const response = await fetch(`${t.url}/api/webchat/demo`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      key: 'demo',
      name: 'Conecta Demo',
      teams: [{ id: 'tm-suporte', name: 'Suporte' }, { id: 'tm-vendas', name: 'Vendas' }, { id: 'tm-financeiro', name: 'Financeiro' }],
    });
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
    assert.deepEqual(await visitor.ok('webchat.sessions', {}), { contact: null, sessions: [] });
    visitor.close();
  });

  it('reflects any origin on the API (bearer tokens, no cookies), and answers preflights', async () => {
    const response = await fetch(`${t.url}/api/webchat/demo`, { headers: { origin: 'https://crm.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://crm.example');
    const preflight = await fetch(`${t.url}/api/auth/logout`, {
      method: 'OPTIONS',
      headers: { origin: 'https://crm.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
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
    await assert.rejects(connect(t.url, { visitorToken: body.visitorToken }, { origin: 'https://evil.example' }), { message: 'UNAUTHENTICATED' });
  });
});
