import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CONVERSATION_WINDOW_MS, MAX_UPLOAD_BYTES } from '../../src/protocol/index.js';
import {
  ANA,
  BRUNO,
  DEMO_TEAMS,
  DEMO_TEMPLATES,
  TestClock,
  connectAgent,
  connectVisitor,
  loginAgent,
  postInbound,
  startTestServer,
  LONG_TOKEN_TTL_MS,
  upload,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';

/** The smallest valid PNG: 1×1, transparent. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** A Windows executable's header ("MZ" + PE stub). */
const EXE = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]),
  Buffer.alloc(64),
]);

describe('files and channels', () => {
  const clock = new TestClock();
  let t: TestServer;
  let anaToken: string;
  let ana: TestSocket;
  let bruno: TestSocket;
  let maria: VisitorSocket;
  const errorOf = (ack: { ok: boolean; error?: unknown }) =>
    ack.ok ? null : (ack.error as { code: string; message: string; fields?: Record<string, string> });

  before(async () => {
    t = await startTestServer({ now: clock.now, tokenTtlMs: LONG_TOKEN_TTL_MS });
    anaToken = await loginAgent(t.url, ANA);
    ana = await connectAgent(t.url, anaToken);
    bruno = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
    maria = await connectVisitor(t.url);
  });
  after(async () => {
    for (const socket of [ana, bruno, maria]) socket.close();
    await t.close();
  });

  describe('POST /api/files and the signed download', () => {
    it('sniffs the type from the content, not the name or the declared type, and serves it inline with nosniff', async () => {
      const { status, body } = await upload(t.url, PNG, 'photo.txt', { authorization: `Bearer ${anaToken}` }, 'text/plain');
      assert.equal(status, 200);
      assert.equal(body.attachment.mime, 'image/png');
      assert.equal(body.attachment.kind, 'image');
      assert.equal(body.attachment.size, PNG.length);
      assert.equal(body.attachment.name, 'photo.txt');
      assert.match(body.attachment.url, /^\/api\/files\/[^?]+\?exp=\d+&sig=[\w-]+$/);
      const download = await fetch(t.url + body.attachment.url);
      assert.equal(download.status, 200);
      assert.equal(download.headers.get('content-type'), 'image/png');
      assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
      assert.match(download.headers.get('content-disposition') ?? '', /^inline; filename="photo.txt"/);
      assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG);
    });

    it('serves documents as attachments; accepts plain text from a visitor', async () => {
      const pdf = await upload(t.url, PDF, 'boleto.pdf', { authorization: `Bearer ${anaToken}` });
      assert.equal(pdf.body.attachment.mime, 'application/pdf');
      const download = await fetch(t.url + pdf.body.attachment.url);
      assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="boleto.pdf"/);
      const text = await upload(t.url, Buffer.from('Pedido 123: não chegou.\n'), 'pedido.txt', { 'x-visitor-token': maria.visitorToken });
      assert.equal(text.status, 200);
      assert.equal(text.body.attachment.mime, 'text/plain');
    });

    it('refuses an executable with 415 UNSUPPORTED_TYPE, more than 10 MB with 413 PAYLOAD_TOO_LARGE, no identity with 401', async () => {
      const exe = await upload(t.url, EXE, 'invoice.pdf', { authorization: `Bearer ${anaToken}` }, 'application/pdf');
      assert.equal(exe.status, 415);
      assert.equal(exe.body.error.code, 'UNSUPPORTED_TYPE');
      const big = await upload(t.url, Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x61), 'big.txt', { authorization: `Bearer ${anaToken}` });
      assert.equal(big.status, 413);
      assert.equal(big.body.error.code, 'PAYLOAD_TOO_LARGE');
      const anonymous = await upload(t.url, PNG, 'a.png', {});
      assert.equal(anonymous.status, 401);
    });

    it('a tampered or expired signature is refused with 403', async () => {
      const { body } = await upload(t.url, PNG, 'a.png', { authorization: `Bearer ${anaToken}` });
      const url = new URL(t.url + body.attachment.url);
      url.searchParams.set('sig', 'x'.repeat(43));
      assert.equal((await fetch(url)).status, 403);
      const other = new URL(t.url + body.attachment.url);
      other.searchParams.set('exp', String(Number(other.searchParams.get('exp')) + 1));
      assert.equal((await fetch(other)).status, 403);
      clock.advance(60 * 60 * 1000);
      const expired = await fetch(t.url + body.attachment.url);
      assert.equal(expired.status, 403);
      assert.equal(((await expired.json()) as any).error.code, 'FORBIDDEN');
    });

    it('message.send carries one\u2019s own uploads with fresh urls, refuses someone else\u2019s, and the gallery lists them', async () => {
      const { session } = await maria.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: DEMO_TEAMS.suporte.id });
      const mine = await upload(t.url, PNG, 'print.png', { 'x-visitor-token': maria.visitorToken });
      const anas = await upload(t.url, PNG, 'ana.png', { authorization: `Bearer ${anaToken}` });
      const sent = await maria.ok('message.send', { id: randomUUID(), sessionId: session.id, attachmentIds: [mine.body.attachment.id] });
      assert.equal(sent.message.text, '');
      assert.equal(sent.message.attachments[0]!.id, mine.body.attachment.id);
      assert.equal(sent.session.lastMessageText, 'print.png');
      const refused = errorOf(
        await maria.command('message.send', { id: randomUUID(), sessionId: session.id, attachmentIds: [anas.body.attachment.id] }),
      );
      assert.equal(refused?.fields?.['attachmentIds.0'], 'is not a file you uploaded');
      const empty = errorOf(await maria.command('message.send', { id: randomUUID(), sessionId: session.id }));
      assert.equal(empty?.fields?.text, 'must not be empty');

      const gallery = await ana.ok('contact.gallery', { contactId: session.contactId });
      assert.equal(gallery.items[0]!.id, mine.body.attachment.id);
      assert.equal(gallery.items[0]!.messageId, sent.message.id);
      assert.equal((await fetch(t.url + gallery.items[0]!.url)).status, 200);
    });
  });

  describe('the WhatsApp inbound webhook and the conversation window', () => {
    const from = '+5511912345678';

    it('refuses a missing or wrong signature with 401, an unknown channel with 404', async () => {
      const body = { from, text: 'Oi', externalId: 'wamid-x' };
      assert.equal((await postInbound(t.url, body, { signature: null })).status, 401);
      assert.equal((await postInbound(t.url, body, { secret: 'not-the-secret' })).status, 401);
      assert.equal((await postInbound(t.url, body, { key: 'nope' })).status, 404);
    });

    it('opens a waiting session for the channel\u2019s team, continues it, and stores a redelivery once', async () => {
      const first = await postInbound(t.url, { from, name: 'João Prado', text: 'Oi, preciso de ajuda', externalId: 'wamid-1' });
      assert.equal(first.status, 200);
      const again = await postInbound(t.url, { from, name: 'João Prado', text: 'Oi, preciso de ajuda', externalId: 'wamid-1' });
      assert.deepEqual(again.body, first.body, 'idempotent by externalId');
      const update = await bruno.waitFor('session.updated', (e) => e.session.id === first.body.sessionId);
      assert.equal(update.session.channel, 'whatsapp');
      assert.equal(update.session.teamId, DEMO_TEAMS.suporte.id);
      assert.equal(update.session.lastInboundAt, clock.now());
      assert.equal(update.contact.phone, from);
      assert.equal(update.contact.name, 'João Prado');
      const second = await postInbound(t.url, { from, text: 'Alguém aí?', externalId: 'wamid-2' });
      assert.equal(second.body.sessionId, first.body.sessionId);
      assert.equal(await t.server.repo.countMessages(first.body.sessionId), 2);
    });

    it('free text after 24 h is WINDOW_CLOSED; a template is still allowed, with its variables required', async () => {
      const { body } = await postInbound(t.url, { from: '+5521998765432', name: 'Lia', text: 'Bom dia', externalId: 'wamid-10' });
      const sessionId = body.sessionId as string;
      await ana.ok('session.accept', { sessionId });
      await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Bom dia, Lia!' });
      clock.advance(CONVERSATION_WINDOW_MS);
      const closed = errorOf(await ana.command('message.send', { id: randomUUID(), sessionId, text: 'Ainda precisa de ajuda?' }));
      assert.equal(closed?.code, 'WINDOW_CLOSED');
      assert.match(closed?.message ?? '', /template/);

      const template = DEMO_TEMPLATES.retomarAtendimento;
      const missing = errorOf(
        await ana.command('message.sendTemplate', { id: randomUUID(), sessionId, templateId: template.id, variables: { nome: 'Lia' } }),
      );
      assert.equal(missing?.code, 'INVALID_PAYLOAD');
      assert.deepEqual(missing?.fields, { 'variables.agente': 'is required' });
      const otherTeam = errorOf(
        await ana.command('message.sendTemplate', {
          id: randomUUID(),
          sessionId,
          templateId: DEMO_TEMPLATES.propostaComercial.id,
          variables: {},
        }),
      );
      assert.ok(otherTeam?.fields?.templateId);

      const sent = await ana.ok('message.sendTemplate', {
        id: randomUUID(),
        sessionId,
        templateId: template.id,
        variables: { nome: 'Lia', agente: 'Ana' },
      });
      assert.equal(sent.message.kind, 'template');
      assert.equal(sent.message.templateId, template.id);
      assert.equal(sent.message.text, 'Olá Lia, aqui é Ana da Conecta. Podemos continuar seu atendimento?');

      await postInbound(t.url, { from: '+5521998765432', text: 'Sim!', externalId: 'wamid-11' });
      assert.ok(
        await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Ótimo!' }),
        'the contact\u2019s reply reopens the window',
      );
    });

    it('asks for a template variable named like an Object built-in instead of filling it from the prototype', async () => {
      await t.server.repo.insertTemplate({
        id: 'tp-pedido',
        teamId: DEMO_TEAMS.suporte.id,
        name: 'pedido',
        language: 'pt_BR',
        body: 'Seu pedido {{toString}} saiu.',
        variables: ['toString'],
      });
      // A visitor of its own: one visitor holds one open session per channel.
      const lia = await connectVisitor(t.url);
      const { session } = await lia.ok('webchat.start', { sessionId: randomUUID(), name: 'Lia', teamId: DEMO_TEAMS.suporte.id });
      lia.close();
      await ana.ok('session.accept', { sessionId: session.id });
      const missing = errorOf(
        await ana.command('message.sendTemplate', { id: randomUUID(), sessionId: session.id, templateId: 'tp-pedido', variables: {} }),
      );
      assert.equal(missing?.code, 'INVALID_PAYLOAD');
      assert.deepEqual(missing?.fields, { 'variables.toString': 'is required' });
      const sent = await ana.ok('message.sendTemplate', {
        id: randomUUID(),
        sessionId: session.id,
        templateId: 'tp-pedido',
        variables: { toString: '4521' },
      });
      assert.equal(sent.message.text, 'Seu pedido 4521 saiu.');
    });

    it('webchat has no window', async () => {
      const joao = await connectVisitor(t.url);
      const { session } = await joao.ok('webchat.start', { sessionId: randomUUID(), name: 'João', teamId: DEMO_TEAMS.suporte.id });
      joao.close();
      await ana.ok('session.accept', { sessionId: session.id });
      clock.advance(2 * CONVERSATION_WINDOW_MS);
      assert.ok(await ana.ok('message.send', { id: randomUUID(), sessionId: session.id, text: 'Olá de novo' }));
    });
  });
});
