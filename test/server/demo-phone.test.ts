import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  DEMO_TEMPLATES,
  DEMO_WHATSAPP,
  connectAgent,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
  type TestSocket,
} from './harness.js';

const PHONE = '+5511955554444';
const DIGITS = PHONE.slice(1);

describe('the demo\u2019s simulated phone (/demo/phone/)', () => {
  let t: TestServer;
  let ana: TestSocket;
  const phoneMessages = async () =>
    (
      (await (await fetch(`${t.url}/api/demo/phone/messages?to=${DIGITS}`)).json()) as {
        messages: { wamid: string; mine: boolean; text: string; kind: string }[];
      }
    ).messages;

  before(async () => {
    // Served with the demo pages, as `npm start` does: then the demo channel talks to the demo's own fake Graph API.
    t = await startTestServer({ staticRoots: [{ prefix: '/', root: fileURLToPath(new URL('../../demo', import.meta.url)) }] });
    ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
  });
  after(async () => {
    ana.close();
    await t.close();
  });

  it('is reached at /demo/phone/ too (the page lives at /phone/, with the other demo pages)', async () => {
    const response = await fetch(`${t.url}/demo/phone/`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/phone/');
    assert.equal((await fetch(`${t.url}/phone/`)).status, 200);
  });

  it('plays the contact through the signed webhook and shows what agents send through the Graph API, with its receipts', async () => {
    const sent = await postJson(`${t.url}/api/demo/phone/send`, { from: PHONE, name: 'Joana Lima', text: 'Oi, preciso de ajuda' });
    assert.equal(sent.status, 200);
    const contact = await t.server.repo.findContactByPhone(PHONE);
    const [session] = await t.server.repo.listSessionsOfContact(contact!.id, DEMO_WHATSAPP.key);
    assert.equal(session.status, 'waiting');
    await ana.ok('session.accept', { sessionId: session.id });
    const { message } = await ana.ok('message.send', { id: randomUUID(), sessionId: session.id, text: 'Olá Joana!' });
    await t.server.services.whatsapp.idle();
    const messages = await phoneMessages();
    assert.deepEqual(
      messages.map((m) => [m.mine, m.kind, m.text]),
      [
        [true, 'text', 'Oi, preciso de ajuda'],
        [false, 'text', 'Olá Joana!'],
      ],
    );
    const status = await postJson(`${t.url}/api/demo/phone/status`, { wamids: [messages[1].wamid], status: 'read' });
    assert.equal(status.status, 200);
    const read = await ana.waitFor('message.status', (e) => e.sessionId === session.id && e.status === 'read');
    assert.equal(read.upToSeq, message.seq);
  });

  it('shows a template filled in, as the contact would read it', async () => {
    const contact = await t.server.repo.findContactByPhone(PHONE);
    const [session] = await t.server.repo.listSessionsOfContact(contact!.id, DEMO_WHATSAPP.key);
    await ana.ok('message.sendTemplate', {
      id: randomUUID(),
      sessionId: session.id,
      templateId: DEMO_TEMPLATES.retomarAtendimento.id,
      variables: { nome: 'Joana', agente: 'Ana' },
    });
    await t.server.services.whatsapp.idle();
    const last = (await phoneMessages()).at(-1);
    assert.equal(last?.kind, 'template');
    assert.equal(last?.text, 'Olá Joana, aqui é Ana da Conecta. Podemos continuar seu atendimento?');
  });
});
