import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Repository } from '../db/repository.js';
import { DEMO_WHATSAPP } from '../demo-company.js';
import { hubSignature } from '../channels/whatsapp/hub-signature.js';

/** The demo channel's pretend Cloud API credentials: its Graph API is this server's own fake one. */
export const DEMO_PHONE_ACCOUNT = {
  phoneNumberId: 'demo-phone-number',
  businessAccountId: 'demo-waba',
  accessToken: 'demo-graph-token',
} as const;
/** Where the demo server's fake Graph API answers. */
export const DEMO_GRAPH_PATH = '/api/demo/graph';

interface PhoneMessage {
  wamid: string;
  /** The contact's number, digits only. */
  phone: string;
  /** Written on the phone (true), or received from the company. */
  mine: boolean;
  at: number;
  /** What the phone shows: the text, a filled template, or a file's kind. */
  text: string;
  kind: 'text' | 'template' | 'file';
}

type GraphBody = {
  to?: string;
  type?: string;
  text?: { body?: string };
  template?: { name?: string; language?: { code?: string }; components?: { parameters?: { text?: string; parameter_name?: string }[] }[] };
  [media: string]: unknown;
};

/**
 * The simulated phone of the demo (demo/phone/): the contact's WhatsApp, played through the real
 * contract. What the phone sends becomes a Meta-shaped webhook signed with the channel's app
 * secret; what agents send goes through the Graph API adapter to a fake Graph API here, whose
 * "sent" list the page shows; its receipts are status webhooks. Demo only: never in production
 * (it signs webhooks for anyone who asks).
 */
export async function installDemoPhone(app: FastifyInstance, repo: Repository): Promise<void> {
  const channel = await repo.admin.whatsappChannels.get(DEMO_WHATSAPP.key);
  if (!channel) return;
  await repo.admin.whatsappChannels.put({ ...channel, ...DEMO_PHONE_ACCOUNT });
  // The conversations as the phones see them (the last 500 messages, until the server restarts).
  const messages: PhoneMessage[] = [];
  const keep = (message: PhoneMessage) => {
    messages.push(message);
    if (messages.length > 500) messages.shift();
  };

  const signedWebhook = async (value: Record<string, unknown>) => {
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: DEMO_PHONE_ACCOUNT.businessAccountId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '5511400000000', phone_number_id: DEMO_PHONE_ACCOUNT.phoneNumberId },
                ...value,
              },
            },
          ],
        },
      ],
    });
    const response = await app.inject({
      method: 'POST',
      url: `/api/whatsapp/${DEMO_WHATSAPP.key}/webhook`,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(channel.appSecret, raw) },
      payload: raw,
    });
    return { status: response.statusCode, body: response.json() as unknown };
  };

  // The fake Graph API: messages, media uploads, the account's templates.
  app.post<{ Params: { phone: string } }>(`${DEMO_GRAPH_PATH}/:version/:phone/messages`, async (request, reply) => {
    if (request.headers.authorization !== `Bearer ${DEMO_PHONE_ACCOUNT.accessToken}`)
      return reply.code(401).send({ error: { code: 190, message: 'Invalid OAuth access token' } });
    const body = (request.body ?? {}) as GraphBody;
    const wamid = `wamid.demo-${randomUUID()}`;
    keep({ wamid, phone: String(body.to ?? ''), mine: false, at: Date.now(), ...(await shown(repo, body)) });
    return { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: wamid }] };
  });
  app.post(`${DEMO_GRAPH_PATH}/:version/:phone/media`, async (request) => {
    // The file itself is not kept: the phone shows that one came.
    for await (const part of request.parts()) if (part.type === 'file') await part.toBuffer();
    return { id: `demo-media-${randomUUID()}` };
  });
  app.get(`${DEMO_GRAPH_PATH}/:version/:waba/message_templates`, async () => ({
    data: (await repo.admin.templates.list())
      .filter((t) => t.teamId === channel.defaultTeamId)
      .map((t) => ({ id: t.id, name: t.name, language: t.language, status: 'APPROVED', components: [{ type: 'BODY', text: t.body }] })),
  }));

  // The issue and the docs name it /demo/phone/; the demo's pages are served from the root (/phone/).
  app.get('/demo/phone', async (_request, reply) => reply.redirect('/phone/'));
  app.get('/demo/phone/', async (_request, reply) => reply.redirect('/phone/'));

  // The phone page's own calls.
  app.get<{ Querystring: { to?: string } }>('/api/demo/phone/messages', async (request) => ({
    messages: messages.filter((m) => m.phone === String(request.query.to ?? '').replace(/\D/g, '')),
  }));
  app.post<{ Body: { from?: string; name?: string; text?: string } }>('/api/demo/phone/send', async (request, reply) => {
    const from = String(request.body?.from ?? '').replace(/\D/g, '');
    const text = String(request.body?.text ?? '').trim();
    if (!from || !text) return reply.code(400).send({ error: { code: 'INVALID_PAYLOAD', message: 'from and text are required.' } });
    const wamid = `wamid.phone-${randomUUID()}`;
    const { status, body } = await signedWebhook({
      contacts: [{ profile: { name: String(request.body?.name ?? '') || from }, wa_id: from }],
      messages: [{ from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }],
    });
    if (status === 200) keep({ wamid, phone: from, mine: true, at: Date.now(), kind: 'text', text });
    return reply.code(status).send(body);
  });
  app.post<{ Body: { wamids?: string[]; status?: string } }>('/api/demo/phone/status', async (request, reply) => {
    const status = request.body?.status === 'read' ? 'read' : 'delivered';
    const wamids = (request.body?.wamids ?? []).filter((id) => typeof id === 'string').slice(0, 100);
    const result = await signedWebhook({
      statuses: wamids.map((id) => ({ id, status, timestamp: String(Math.floor(Date.now() / 1000)) })),
    });
    return reply.code(result.status).send(result.body);
  });
}

/** What the phone shows of a Graph API message: its text, a template filled from its parameters, or a file. */
async function shown(repo: Repository, body: GraphBody): Promise<Pick<PhoneMessage, 'text' | 'kind'>> {
  if (body.type === 'text') return { kind: 'text', text: String(body.text?.body ?? '') };
  if (body.type === 'template' && body.template) {
    const parameters = body.template.components?.[0]?.parameters ?? [];
    const template = (await repo.admin.templates.list()).find(
      (t) => t.name === body.template?.name && t.language === body.template?.language?.code,
    );
    const text = (template?.body ?? body.template.name ?? '').replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (placeholder, name: string) => {
      const byName = parameters.find((p) => p.parameter_name === name);
      return byName?.text ?? parameters[Number(name) - 1]?.text ?? placeholder;
    });
    return { kind: 'template', text };
  }
  const media = body[body.type ?? ''] as { caption?: string; filename?: string } | undefined;
  return { kind: 'file', text: [media?.filename ?? body.type, media?.caption].filter(Boolean).join(' — ') };
}
