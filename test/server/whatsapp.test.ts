import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CONVERSATION_WINDOW_MS } from '../../src/protocol/index.js';
import { hubSignature } from '../../server/src/channels/whatsapp/hub-signature.js';
import { FakeGraph, webhookBody } from '../support/fake-graph.js';
import {
  ANA,
  BRUNO,
  DEMO_TEAMS,
  LONG_TOKEN_TTL_MS,
  DEMO_TEMPLATES,
  TestClock,
  connectAgent,
  delay,
  loginAgent,
  startTestServer,
  type TestServer,
  type TestSocket,
} from './harness.js';

/** The smallest valid PNG: 1×1, transparent. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const CHANNEL = {
  id: 'wa-loja',
  name: 'WhatsApp Loja',
  defaultTeamId: DEMO_TEAMS.suporte.id,
  phoneNumberId: '109876543210',
  businessAccountId: 'WABA-555',
  accessToken: 'EAAG-test-access-token',
  appSecret: 'test-app-secret',
  verifyToken: 'test-verify-token',
};

describe('WhatsApp Business Cloud API channel', () => {
  const clock = new TestClock();
  const graph = new FakeGraph();
  let t: TestServer;
  let ana: TestSocket;
  let serial = 0;
  /** A fresh contact phone (digits, as Meta's `wa_id`) per test. */
  let phone = '';

  const webhook = (body: unknown, options: { secret?: string; signature?: string | null } = {}) => {
    const raw = JSON.stringify(body);
    const signature = options.signature === undefined ? hubSignature(options.secret ?? CHANNEL.appSecret, raw) : options.signature;
    return fetch(`${t.url}/api/whatsapp/${CHANNEL.id}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
      body: raw,
    });
  };
  const inboundText = (text: string, id = `wamid.in-${++serial}`) =>
    webhookBody(CHANNEL.phoneNumberId, {
      contacts: [{ profile: { name: 'Joana Lima' }, wa_id: phone }],
      messages: [{ from: phone, id, timestamp: '1795352400', type: 'text', text: { body: text } }],
    });
  const statusOf = (wamid: string, status: string, errors?: unknown[]) =>
    webhookBody(CHANNEL.phoneNumberId, {
      statuses: [{ id: wamid, status, timestamp: '1795352401', recipient_id: phone, ...(errors ? { errors } : {}) }],
    });
  /** The contact writes; Ana accepts its session. */
  const openConversation = async (): Promise<string> => {
    assert.equal((await webhook(inboundText('Oi, quero ajuda'))).status, 200);
    const contact = await t.server.repo.findContactByPhone(`+${phone}`);
    const [session] = await t.server.repo.listSessionsOfContact(contact!.id, CHANNEL.id);
    await ana.ok('session.accept', { sessionId: session.id });
    return session.id;
  };
  const sent = async (count: number) => {
    await t.server.services.whatsapp.idle();
    return graph.sentMessages().slice(-count);
  };

  before(async () => {
    await graph.start();
    t = await startTestServer({
      now: clock.now,
      // The clock jumps days (the 24-hour window): the agent's token must outlive the jumps.
      tokenTtlMs: LONG_TOKEN_TTL_MS,
      more: { whatsappGraph: { baseUrl: graph.url, version: 'v21.0', attempts: 3, backoffMs: 1 } },
    });
    await t.server.repo.admin.whatsappChannels.put(CHANNEL);
    ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
  });
  after(async () => {
    ana.close();
    await t.close();
    await graph.close();
  });
  beforeEach(() => {
    phone = `55119${String(10_000_000 + ++serial).slice(-8)}`;
  });

  describe('the webhook', () => {
    it('answers the subscription handshake only with the channel\u2019s verify token', async () => {
      const url = (token: string) =>
        `${t.url}/api/whatsapp/${CHANNEL.id}/webhook?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
      const ok = await fetch(url(CHANNEL.verifyToken));
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), '1158201444');
      assert.equal((await fetch(url('wrong'))).status, 403);
      assert.equal((await fetch(`${t.url}/api/whatsapp/nope/webhook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`)).status, 404);
    });

    it('refuses a missing or wrong signature with 401 and changes nothing', async () => {
      const body = inboundText('Oi');
      assert.equal((await webhook(body, { signature: null })).status, 401);
      assert.equal((await webhook(body, { secret: 'not-the-app-secret' })).status, 401);
      assert.equal((await webhook(body, { signature: hubSignature(CHANNEL.appSecret, JSON.stringify(body) + ' ') })).status, 401);
      assert.equal(await t.server.repo.findContactByPhone(`+${phone}`), null);
    });

    it('maps an inbound text onto a waiting session of the channel\u2019s team, once per WhatsApp message id', async () => {
      const body = inboundText('Olá, meu pedido atrasou', 'wamid.dup-1');
      assert.equal((await webhook(body)).status, 200);
      assert.equal((await webhook(body)).status, 200, 'Meta redelivers: still 200');
      const contact = await t.server.repo.findContactByPhone(`+${phone}`);
      assert.equal(contact?.name, 'Joana Lima');
      const sessions = await t.server.repo.listSessionsOfContact(contact!.id, CHANNEL.id);
      assert.equal(sessions.length, 1);
      assert.equal(sessions[0].channel, 'whatsapp');
      assert.equal(sessions[0].status, 'waiting');
      assert.equal(sessions[0].teamId, DEMO_TEAMS.suporte.id);
      assert.equal(sessions[0].lastInboundAt, clock.now());
      assert.equal(await t.server.repo.countMessages(sessions[0].id), 1);
    });

    it('a Brazilian mobile that writes by its old eight-digit number reaches the contact saved with the ninth digit', async () => {
      const eightDigits = `8${String(1_000_000 + serial).slice(-7)}`;
      phone = `5511${eightDigits}`; // as WhatsApp names an account created before the ninth digit
      assert.equal((await webhook(inboundText('Oi de novo'))).status, 200);
      assert.equal(await t.server.repo.findContactByPhone(`+${phone}`), null, 'no contact under the old number');
      const contact = await t.server.repo.findContactByPhone(`+55119${eightDigits}`);
      assert.ok(contact, 'the contact is stored under the number with its ninth digit');
      assert.equal((await t.server.repo.listSessionsOfContact(contact.id, CHANNEL.id)).length, 1);
    });

    it('downloads an inbound image through the Graph media endpoint into the server\u2019s files', async () => {
      graph.media.set('MEDIA-PNG-1', { bytes: PNG, mime: 'image/png' });
      const body = webhookBody(CHANNEL.phoneNumberId, {
        contacts: [{ profile: { name: 'Joana Lima' }, wa_id: phone }],
        messages: [
          { from: phone, id: 'wamid.img-1', type: 'image', image: { id: 'MEDIA-PNG-1', mime_type: 'image/png', caption: 'A nota fiscal' } },
        ],
      });
      assert.equal((await webhook(body)).status, 200);
      const contact = await t.server.repo.findContactByPhone(`+${phone}`);
      const [session] = await t.server.repo.listSessionsOfContact(contact!.id, CHANNEL.id);
      const [message] = await t.server.repo.listMessagesAfter(session.id, 0, 10);
      assert.equal(message.text, 'A nota fiscal');
      assert.equal(message.attachments.length, 1);
      assert.equal(message.attachments[0].mime, 'image/png');
      assert.equal(message.attachments[0].size, PNG.length);
      const download = graph.requests.filter((r) => r.path.includes('MEDIA-PNG-1') || r.path.startsWith('/media-bytes/'));
      assert.equal(download.length, 2);
      for (const request of download) assert.equal(request.authorization, `Bearer ${CHANNEL.accessToken}`);
    });

    it('ignores changes for another phone number of the same app', async () => {
      const body = webhookBody('another-number', { messages: [{ from: phone, id: 'wamid.other', type: 'text', text: { body: 'Oi' } }] });
      assert.equal((await webhook(body)).status, 200);
      assert.equal(await t.server.repo.findContactByPhone(`+${phone}`), null);
    });
  });

  describe('sending', () => {
    it('sends an agent\u2019s text through the Graph API, then shows delivered and read from the status webhook', async () => {
      const sessionId = await openConversation();
      const { message } = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Olá Joana, vou verificar.' });
      const [body] = await sent(1);
      assert.deepEqual(body, {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: phone,
        type: 'text',
        text: { body: 'Olá Joana, vou verificar.', preview_url: false },
      });
      const request = graph.requests.at(-1)!;
      assert.equal(request.path, `/v21.0/${CHANNEL.phoneNumberId}/messages`);
      assert.equal(request.authorization, `Bearer ${CHANNEL.accessToken}`);
      const delivery = await t.server.repo.getOutbound(message.id);
      assert.equal(delivery?.state, 'sent');

      assert.equal((await webhook(statusOf(delivery!.externalId!, 'delivered'))).status, 200);
      const delivered = await ana.waitFor('message.status', (e) => e.sessionId === sessionId && e.status === 'delivered');
      assert.equal(delivered.upToSeq, message.seq);
      await webhook(statusOf(delivery!.externalId!, 'read'));
      await ana.waitFor('message.status', (e) => e.sessionId === sessionId && e.status === 'read');
      assert.notEqual((await t.server.repo.getMessage(message.id))?.readAt, null);
    });

    it('tries again after 5xx and 429, sends once, and a retried command sends nothing more', async () => {
      const sessionId = await openConversation();
      const before = graph.sentMessages().length;
      graph.failNext({ status: 503 });
      graph.failNext({ status: 429 });
      const id = randomUUID();
      await ana.ok('message.send', { id, sessionId, text: 'Um momento.' });
      await t.server.services.whatsapp.idle();
      assert.equal(graph.sentMessages().length - before, 3, 'two refusals, then the send');
      assert.equal((await t.server.repo.getOutbound(id))?.state, 'sent');
      assert.equal((await t.server.repo.getOutbound(id))?.attempts, 3);
      await ana.ok('message.send', { id, sessionId, text: 'Um momento.' });
      await t.server.services.whatsapp.idle();
      assert.equal(graph.sentMessages().length - before, 3, 'the retried command is answered, not sent again');
    });

    it('sends, at start, what was stored but not yet handed to WhatsApp when the server stopped', async () => {
      const sessionId = await openConversation();
      const { message } = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Antes de parar' });
      await t.server.services.whatsapp.idle();
      // As if the server had stopped between storing a message and handing it over.
      const stranded = { ...message, id: randomUUID() };
      await t.server.repo.transaction(async (tx) => {
        await tx.insertMessage({ ...stranded, seq: message.seq + 1 });
        await tx.queueOutbound(
          {
            messageId: stranded.id,
            channelKey: CHANNEL.id,
            sessionId,
            request: JSON.stringify({ type: 'text', text: 'Depois de voltar', fileIds: [] }),
          },
          clock.now(),
        );
      });
      const before = graph.sentMessages().length;
      await t.server.services.whatsapp.resumeQueued();
      await t.server.services.whatsapp.resumeQueued();
      assert.equal(graph.sentMessages().length - before, 1, 'once, however often it resumes');
      assert.deepEqual(graph.sentMessages().at(-1)?.text, { body: 'Depois de voltar', preview_url: false });
      assert.equal((await t.server.repo.getOutbound(stranded.id))?.state, 'sent');
    });

    it('fails as unconfirmed, never sends again, what was being handed over when the server stopped', async () => {
      const sessionId = await openConversation();
      const { message } = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Antes de parar' });
      await t.server.services.whatsapp.idle();
      // As if the server had stopped during the Graph API call: claimed, never answered.
      const caught = { ...message, id: randomUUID(), seq: message.seq + 1 };
      await t.server.repo.transaction(async (tx) => {
        await tx.insertMessage(caught);
        const request = JSON.stringify({ type: 'text', text: 'Durante a parada', fileIds: [] });
        await tx.queueOutbound({ messageId: caught.id, channelKey: CHANNEL.id, sessionId, request }, clock.now());
        assert.equal(await tx.claimOutbound(caught.id, clock.now()), true);
      });
      const before = graph.sentMessages().length;
      await t.server.services.whatsapp.resumeQueued();
      assert.equal((await t.server.repo.getOutbound(caught.id))?.state, 'sending', 'a claim this young may be a send under way');
      clock.advance(t.server.services.whatsapp.graph.longestRequestMs + 1);
      // Two nodes starting at once both find it unanswered.
      await Promise.all([t.server.services.whatsapp.resumeQueued(), t.server.services.whatsapp.resumeQueued()]);
      const failed = await ana.waitFor('message.status', (e) => e.status === 'failed' && e.messageId === caught.id);
      assert.ok(failed.status === 'failed');
      assert.equal(failed.failure.code, 'CHANNEL_UNCONFIRMED');
      assert.equal((await t.server.repo.getOutbound(caught.id))?.state, 'failed');
      const sync = await ana.ok('session.sync', { sessionId, afterSeq: 0 });
      assert.equal(sync.messages.find((m) => m.id === caught.id)?.failure?.code, 'CHANNEL_UNCONFIRMED');
      assert.equal(graph.sentMessages().length, before, 'nothing sent again: it may have arrived');
      await delay(100);
      const told = ana.received('message.status', (e) => e.status === 'failed' && e.messageId === caught.id);
      assert.equal(told.length, 1, 'failed once, though both failed it');
    });

    it('shows a refused send to the agent as failed, with WhatsApp\u2019s reason, on the event and on a resync', async () => {
      const sessionId = await openConversation();
      graph.failNext({
        status: 400,
        body: {
          error: {
            message: '(#131026) Message undeliverable',
            code: 131026,
            error_data: { details: 'Receiver is incapable of receiving this message' },
          },
        },
      });
      const { message } = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Está aí?' });
      const failed = await ana.waitFor('message.status', (e) => e.sessionId === sessionId && e.status === 'failed');
      assert.ok(failed.status === 'failed');
      assert.equal(failed.messageId, message.id);
      assert.equal(failed.failure.code, 'CHANNEL_REFUSED');
      assert.match(failed.failure.message, /131026.*Receiver is incapable/);
      const sync = await ana.ok('session.sync', { sessionId, afterSeq: 0 });
      assert.equal(sync.messages.find((m) => m.id === message.id)?.failure?.code, 'CHANNEL_REFUSED');
      assert.equal((await t.server.repo.getOutbound(message.id))?.state, 'failed');
    });

    it('marks a message failed when Meta\u2019s status webhook says so, and when retries run out', async () => {
      const sessionId = await openConversation();
      const { message } = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Primeira' });
      await t.server.services.whatsapp.idle();
      const wamid = (await t.server.repo.getOutbound(message.id))!.externalId!;
      await webhook(
        statusOf(wamid, 'failed', [
          { code: 131047, title: 'Re-engagement message', error_data: { details: 'More than 24 hours have passed' } },
        ]),
      );
      const failed = await ana.waitFor('message.status', (e) => e.status === 'failed' && e.messageId === message.id);
      assert.ok(failed.status === 'failed' && /131047/.test(failed.failure.message));

      graph.failNext({ status: 500 }, 3);
      const second = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Segunda' });
      await ana.waitFor('message.status', (e) => e.status === 'failed' && e.messageId === second.message.id);
    });
  });

  describe('the conversation window and templates', () => {
    it('only templates go out after 24 h; after one, free text waits for the reply; unanswered templates are limited', async () => {
      const sessionId = await openConversation();
      clock.advance(CONVERSATION_WINDOW_MS);
      const text = () => ana.command('message.send', { id: randomUUID(), sessionId, text: 'Ainda precisa de ajuda?' });
      const template = () =>
        ana.command('message.sendTemplate', {
          id: randomUUID(),
          sessionId,
          templateId: DEMO_TEMPLATES.retomarAtendimento.id,
          variables: { nome: 'Joana', agente: 'Ana' },
        });
      const closed = await text();
      assert.ok(!closed.ok && closed.error.code === 'WINDOW_CLOSED');

      assert.ok((await template()).ok);
      const [body] = await sent(1);
      assert.deepEqual(body.template, {
        name: 'retomar_atendimento',
        language: { code: 'pt_BR' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Joana', parameter_name: 'nome' },
              { type: 'text', text: 'Ana', parameter_name: 'agente' },
            ],
          },
        ],
      });
      const waiting = await text();
      assert.ok(!waiting.ok && waiting.error.code === 'WINDOW_CLOSED');
      assert.match(waiting.error.message, /continues once the contact replies/);

      assert.ok((await template()).ok, 'a second template may go');
      const limited = await template();
      assert.ok(!limited.ok && limited.error.code === 'TEMPLATE_LIMIT');

      await webhook(inboundText('Oi, sim!'));
      assert.ok((await text()).ok, 'the reply reopens the window');
      assert.ok((await template()).ok, 'and resets the template count');
    });
  });

  describe('the account’s templates', () => {
    it('syncs the approved ones into the channel’s team, and one with {{1}} goes out with positional values', async () => {
      graph.templates = [
        {
          name: 'pedido_enviado',
          language: 'pt_BR',
          status: 'APPROVED',
          components: [{ type: 'BODY', text: 'Seu pedido {{1}} saiu para entrega em {{2}}.' }],
        },
        { name: 'promo', language: 'pt_BR', status: 'PENDING', components: [{ type: 'BODY', text: 'Oferta!' }] },
      ];
      // A fresh token: the clock moved a day on in the tests before.
      const response = await fetch(`${t.url}/api/admin/v1/whatsapp-channels/${CHANNEL.id}/sync-templates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await loginAgent(t.url, ANA)}` },
      });
      assert.equal(response.status, 200);
      const result = (await response.json()) as { synced: string[]; skipped: { name: string; status: string }[] };
      assert.deepEqual(result.synced, [`${CHANNEL.id}.pedido_enviado.pt_BR`]);
      assert.deepEqual(result.skipped, [{ name: 'promo', language: 'pt_BR', status: 'PENDING' }]);
      assert.equal(graph.requests.at(-1)?.path.startsWith(`/v21.0/${CHANNEL.businessAccountId}/message_templates`), true);
      const template = await t.server.repo.getTemplate(result.synced[0]);
      assert.deepEqual(template?.variables, ['1', '2']);
      assert.equal(template?.teamId, CHANNEL.defaultTeamId);

      const sessionId = await openConversation();
      await ana.ok('message.sendTemplate', {
        id: randomUUID(),
        sessionId,
        templateId: template!.id,
        variables: { 1: 'A-77', 2: '2 dias' },
      });
      const [body] = await sent(1);
      assert.deepEqual(body.template.components, [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'A-77' },
            { type: 'text', text: '2 dias' },
          ],
        },
      ]);
      const anonymous = await fetch(`${t.url}/api/admin/v1/whatsapp-channels/${CHANNEL.id}/sync-templates`, { method: 'POST' });
      assert.equal(anonymous.status, 401);
    });
  });

  describe('starting a conversation (session.start)', () => {
    const start = (contactId: string, message: Record<string, unknown>, sessionId = randomUUID()) =>
      ana.command('session.start', {
        sessionId,
        contactId,
        channelKey: CHANNEL.id,
        teamId: DEMO_TEAMS.suporte.id,
        message: message as never,
      });
    const template = (id = randomUUID()) => ({
      id,
      templateId: DEMO_TEMPLATES.retomarAtendimento.id,
      variables: { nome: 'Rui', agente: 'Ana' },
    });

    it('opens a session active for the agent with a template, which goes out; free text waits for the reply that continues it', async () => {
      const contactId = `ct-${randomUUID()}`;
      await ana.ok('contact.save', { id: contactId, name: 'Rui Alves', phone: `+${phone}` });
      const before = graph.sentMessages().length;
      const sessionId = randomUUID();
      const first = template();
      const started = await start(contactId, first, sessionId);
      assert.ok(started.ok, JSON.stringify(started));
      assert.equal(started.data.session.status, 'active');
      assert.equal(started.data.session.agentId, 'ag-ana');
      assert.equal(started.data.session.channel, 'whatsapp');
      assert.equal(started.data.message.kind, 'template');
      const again = await start(contactId, first, sessionId);
      assert.ok(again.ok && again.data.message.id === first.id, 'a retry answers the first result');
      await t.server.services.whatsapp.idle();
      assert.equal(graph.sentMessages().length - before, 1, 'sent once');
      assert.equal(graph.sentMessages().at(-1)?.to, phone);

      const early = await ana.command('message.send', { id: randomUUID(), sessionId, text: 'Conseguiu ver?' });
      assert.ok(!early.ok && early.error.code === 'WINDOW_CLOSED');
      await webhook(inboundText('Oi! Vi sim.'));
      assert.equal(await t.server.repo.countMessages(sessionId), 2, 'the reply continues the started session');
      assert.ok((await ana.command('message.send', { id: randomUUID(), sessionId, text: 'Ótimo, vamos lá.' })).ok);
    });

    it('to the automatic flow: the template goes out, then the session waits in the channel’s own team, not with the agent', async () => {
      const contactId = `ct-${randomUUID()}`;
      await ana.ok('contact.save', { id: contactId, name: 'Flávia Reis', phone: `+${phone}` });
      const before = graph.sentMessages().length;
      const payload = {
        sessionId: randomUUID(),
        contactId,
        channelKey: CHANNEL.id,
        // Vendas's template, sent by Ana (a member); the flow takes the session to the channel's team, Suporte.
        teamId: DEMO_TEAMS.vendas.id,
        destination: 'flow' as const,
        message: { id: randomUUID(), templateId: DEMO_TEMPLATES.propostaComercial.id, variables: { nome: 'Flávia', numero: '42' } },
      };
      const started = await ana.ok('session.start', payload);
      assert.equal(started.session.status, 'waiting');
      assert.equal(started.session.agentId, null);
      assert.equal(started.session.teamId, CHANNEL.defaultTeamId);
      assert.equal(started.message.kind, 'template');
      const again = await ana.ok('session.start', payload);
      assert.equal(again.session.id, started.session.id, 'a retry answers the same session');
      await t.server.services.whatsapp.idle();
      assert.equal(graph.sentMessages().length - before, 1, 'the template went out once');
    });

    it('the catalog lists the channels a conversation can start on, by key, kind and name, never their secrets', async () => {
      const { channels } = await ana.ok('agent.catalog', {});
      const listed = channels.find((c) => c.key === CHANNEL.id);
      assert.deepEqual(listed && Object.keys(listed).sort(), ['key', 'kind', 'name']);
      assert.equal(listed?.kind, 'whatsapp');
      assert.ok(channels.every((c) => c.kind !== 'webchat'));
    });

    it('refuses a contact without a phone, a second open session, and an agent without the permission', async () => {
      const noPhone = `ct-${randomUUID()}`;
      await ana.ok('contact.save', { id: noPhone, name: 'Sem Telefone' });
      const refused = await start(noPhone, template());
      assert.ok(!refused.ok && refused.error.code === 'INVALID_PAYLOAD' && refused.error.fields?.contactId);

      const contactId = `ct-${randomUUID()}`;
      await ana.ok('contact.save', { id: contactId, name: 'Duas Vezes', phone: `+${phone}` });
      assert.ok((await start(contactId, template())).ok);
      const twice = await start(contactId, template());
      assert.ok(!twice.ok && twice.error.code === 'CONFLICT');

      const bruno = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
      const denied = await bruno.command('session.start', {
        sessionId: randomUUID(),
        contactId,
        channelKey: CHANNEL.id,
        teamId: DEMO_TEAMS.suporte.id,
        message: template(),
      });
      bruno.close();
      assert.ok(!denied.ok && denied.error.code === 'FORBIDDEN');
    });
  });
});
