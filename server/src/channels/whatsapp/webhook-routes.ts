import type { FastifyInstance } from 'fastify';
import type { WhatsappChannel } from './whatsapp-channel.js';

/**
 * Meta's callback URL for a WhatsApp channel: `https://<server>/api/whatsapp/<channel id>/webhook`.
 * GET is the subscription handshake; POST a signed delivery, answered 200 once stored (Meta retries
 * anything else, which is safe: messages are stored once by their id).
 */
export function installWhatsappWebhook(http: FastifyInstance, whatsapp: WhatsappChannel): void {
  http.get<{ Params: { key: string }; Querystring: Record<string, unknown> }>('/api/whatsapp/:key/webhook', async (request, reply) => {
    const challenge = await whatsapp.verifySubscription(request.params.key, request.query);
    return reply.header('content-type', 'text/plain; charset=utf-8').send(challenge);
  });
  http.post<{ Params: { key: string } }>('/api/whatsapp/:key/webhook', async (request) => {
    const raw = (request as { rawBody?: string }).rawBody ?? '';
    const signature = request.headers['x-hub-signature-256'];
    await whatsapp.webhook(request.params.key, raw, typeof signature === 'string' ? signature : undefined);
    return { ok: true };
  });
}
