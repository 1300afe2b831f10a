import type { FastifyInstance } from 'fastify';
import { WebchatService } from '../domain/webchat.js';
import type { Repository } from '../db/repository.js';
import { sendError } from './errors.js';

const WEBCHAT_PATH = /^\/api\/webchat\/([^/?#]+)/;

/**
 * Cross-origin access to `/api/*`. The elements run inside other sites' pages and authenticate
 * with bearer tokens, never cookies, so reflecting the caller's origin is safe. Webchat endpoints
 * are the exception: a channel may restrict the sites that use it.
 *
 * Hand-written rather than @fastify/cors: the decision needs the channel from the database, per
 * request, and this is the whole of it.
 */
export function installCors(app: FastifyInstance, repo: Repository): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (!origin) return;

    const key = WEBCHAT_PATH.exec(request.url)?.[1];
    if (key) {
      const channel = await repo.getWebchatChannel(safeDecode(key));
      if (channel && !WebchatService.allowsOrigin(channel, origin)) {
        return sendError(reply, { code: 'FORBIDDEN', message: 'This site may not use this webchat channel.' });
      }
    }
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    if (request.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? 'authorization, content-type')
        .header('access-control-max-age', '600');
      return reply.code(204).send();
    }
  });
  // Preflights need a route to land on; the hook above answers them.
  app.options('/api/*', async (_request, reply) => reply.code(204).send());
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
