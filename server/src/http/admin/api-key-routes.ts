import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { Id } from '../../../../src/protocol/index.js';
import type { Services } from '../../domain/services.js';
import { parseBody } from '../routes.js';
import { requireRole } from './actor.js';

const NewApiKeyBody = v.strictObject({
  name: v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'is required'), v.maxLength(100, 'is too long')),
  scope: v.optional(
    v.strictObject({
      mayCreateAgents: v.optional(v.boolean('must be true or false'), false),
      teamIds: v.optional(
        v.nullable(v.pipe(v.array(Id, 'must be a list of team ids'), v.minLength(1, 'must name a team, or be null for every team'))),
        null,
      ),
    }),
    {},
  ),
});

/**
 * The CRMs' API keys, for admins: `GET /api/admin/v1/api-keys` lists them (never a secret, with their
 * last use), `POST` creates one and answers its secret (201, the only time it is shown), `DELETE /:id`
 * revokes one with every token issued through it. Each change is in the audit log.
 */
export function installApiKeyRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/admin/v1/api-keys', async (request) => {
    await requireRole(request, services, 'admin');
    return { apiKeys: await services.apiKeys.list() };
  });

  app.post('/api/admin/v1/api-keys', async (request, reply) => {
    const actor = await requireRole(request, services, 'admin');
    const { name, scope } = parseBody(NewApiKeyBody, request.body);
    const created = await services.apiKeys.create(actor.audit, {
      name,
      scope: { mayCreateAgents: scope.mayCreateAgents ?? false, teamIds: scope.teamIds ?? null },
    });
    return reply.code(201).send(created);
  });

  app.delete<{ Params: { id: string } }>('/api/admin/v1/api-keys/:id', async (request) => {
    const actor = await requireRole(request, services, 'admin');
    return { apiKey: await services.apiKeys.revoke(actor.audit, request.params.id) };
  });
}
