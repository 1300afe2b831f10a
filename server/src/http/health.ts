import type { FastifyInstance } from 'fastify';
import type { Readiness } from '../db/readiness.js';

/**
 * For load balancers and orchestrators: `/health` says the process answers (restart it if not),
 * `/ready` that it can serve (send it traffic only then). Never cached, no detail beyond the reason.
 */
export function installHealth(app: FastifyInstance, readiness: () => Promise<Readiness>): void {
  app.get('/health', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const state = await readiness();
    reply.header('cache-control', 'no-store');
    if (state.ready) return reply.send({ status: 'ready' });
    return reply.code(503).send({ status: 'not ready', reason: state.reason });
  });
}
