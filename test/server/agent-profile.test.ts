import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  DEMO_PASSWORD,
  connectAgent,
  connectVisitor,
  loginAgent,
  postJson,
  startTestServer,
  upload,
  type TestServer,
  type TestSocket,
} from './harness.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const errorOf = (ack: { ok: boolean; error?: unknown }) =>
  ack.ok ? null : (ack.error as { code: string; message: string; fields?: Record<string, string> });

describe('the agent’s own profile and password', () => {
  let t: TestServer;
  let anaToken: string;
  let ana: TestSocket;
  let bruno: TestSocket;

  before(async () => {
    t = await startTestServer();
    anaToken = await loginAgent(t.url, ANA);
    ana = await connectAgent(t.url, anaToken);
    bruno = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
  });
  after(async () => {
    ana.close();
    bruno.close();
    await t.close();
  });

  it('changes nickname, extension and language; what is not given stays; empty clears', async () => {
    const changed = await ana.ok('agent.profile', { nickname: 'Aninha', extension: '2101', language: 'en' });
    assert.equal(changed.nickname, 'Aninha');
    assert.equal(changed.extension, '2101');
    assert.equal(changed.language, 'en');
    const partly = await ana.ok('agent.profile', { extension: '' });
    assert.deepEqual([partly.nickname, partly.extension, partly.language], ['Aninha', null, 'en']);
    assert.equal((await ana.ok('agent.snapshot', {})).agent.language, 'en');
    const invalid = errorOf(await ana.command('agent.profile', { language: 'not a language' }));
    assert.equal(invalid?.code, 'INVALID_PAYLOAD');
    assert.ok(invalid?.fields?.language);
  });

  it('takes a photo the agent uploaded, shown to colleagues; refuses a file that is not its own image', async () => {
    const {
      body: { attachment: photo },
    } = await upload(t.url, PNG, 'eu.png', { authorization: `Bearer ${anaToken}` });
    const changed = await ana.ok('agent.profile', { photoFileId: photo.id });
    assert.match(changed.photoUrl ?? '', new RegExp(`/api/files/${photo.id}\\?exp=\\d+&sig=`));
    const seen = (await bruno.ok('agent.catalog', {})).agents.find((a) => a.id === DEMO_AGENTS.ana.id);
    assert.match(seen?.photoUrl ?? '', new RegExp(`/api/files/${photo.id}`));
    assert.equal((await fetch(t.url + seen!.photoUrl!)).status, 200);

    const visitor = await connectVisitor(t.url);
    const {
      body: { attachment: theirs },
    } = await upload(t.url, PNG, 'x.png', { 'x-visitor-token': visitor.visitorToken });
    visitor.close();
    for (const fileId of [theirs.id, 'no-such-file']) {
      const refused = errorOf(await bruno.command('agent.profile', { photoFileId: fileId }));
      assert.equal(refused?.code, 'INVALID_PAYLOAD', fileId);
      assert.ok(refused?.fields?.photoFileId);
    }
    assert.equal((await ana.ok('agent.profile', { photoFileId: null })).photoUrl, null);
  });

  it('changes the password after checking the current one; the agent’s other tokens stop working, this one goes on', async () => {
    const elsewhere = await connectAgent(t.url, await loginAgent(t.url, ANA));
    const wrong = errorOf(await ana.command('agent.password', { current: 'not-my-password', next: 'uma-senha-nova-longa' }));
    assert.equal(wrong?.code, 'INVALID_PAYLOAD');
    assert.deepEqual(wrong?.fields, { current: 'is wrong' });
    const short = errorOf(await ana.command('agent.password', { current: DEMO_PASSWORD, next: 'curta' }));
    assert.equal(short?.code, 'INVALID_PAYLOAD');
    assert.ok(short?.fields?.next);

    assert.deepEqual(await ana.ok('agent.password', { current: DEMO_PASSWORD, next: 'uma-senha-nova-longa' }), { ok: true });
    assert.deepEqual(await elsewhere.waitFor('auth.ended'), { reason: 'revoked' });
    assert.ok((await ana.ok('agent.snapshot', {})).agent);
    assert.equal((await postJson(`${t.url}/api/auth/login`, { email: ANA, password: DEMO_PASSWORD })).status, 401);
    assert.equal((await postJson(`${t.url}/api/auth/login`, { email: ANA, password: 'uma-senha-nova-longa' })).status, 200);
    // Still at work: changing the password is no logout.
    assert.equal((await t.server.services.availability.of(DEMO_AGENTS.ana.id)).state, 'online');
    elsewhere.close();
  });
});
