import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { hashToken } from '../domain/secrets.js';
import type { ServerMetrics } from '../metrics.js';
import { bearerToken } from './bearer.js';

/**
 * Prometheus scrapes `/metrics`. With a token, only `Authorization: Bearer <token>` is answered
 * (compared through hashes, in constant time); without one, keep the path unreachable at the proxy.
 */
export function installMetrics(app: FastifyInstance, metrics: ServerMetrics, token: string | undefined): void {
  const expected = token === undefined ? undefined : Buffer.from(hashToken(token));
  app.get('/metrics', async (request, reply) => {
    if (expected) {
      const given = bearerToken(request.headers.authorization);
      if (!given || !timingSafeEqual(Buffer.from(hashToken(given)), expected)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send({ code: 'UNAUTHENTICATED', message: 'Send the metrics token as Authorization: Bearer.' });
      }
    }
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.registry.metrics());
  });
}
