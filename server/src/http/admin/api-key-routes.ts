import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { Id } from '../../../../src/protocol/index.js';
import type { Services } from '../../domain/services.js';
import { parseBody } from '../routes.js';
import { requireRole } from './actor.js';
import { openApiSchema } from './openapi.js';

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

const ApiKeyView = v.object({
  id: v.string(),
  name: v.string(),
  /** The secret's first characters, to tell keys apart; never the secret. */
  prefix: v.string(),
  scope: v.object({ mayCreateAgents: v.boolean(), teamIds: v.nullable(v.array(v.string())) }),
  createdBy: v.nullable(v.string()),
  createdAt: v.number(),
  lastUsedAt: v.nullable(v.number()),
  revokedAt: v.nullable(v.number()),
});

/**
 * The CRMs' API keys, for admins, inside the admin API (so in its OpenAPI document): `GET /api-keys`
 * lists them (never a secret, with their last use), `POST` creates one and answers its secret (201, the
 * only time it is shown), `DELETE /:id` revokes one with every token issued through it. Each change is
 * in the audit log.
 */
export function installApiKeyRoutes(
  api: FastifyInstance,
  services: Services,
  errors: (...codes: number[]) => Record<number, unknown>,
): void {
  const tags = ['api-keys'];
  api.get(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'List the API keys (never their secrets)',
        response: { 200: openApiSchema(v.object({ apiKeys: v.array(ApiKeyView) })), ...errors(401, 403) },
      },
    },
    async (request) => {
      await requireRole(request, services, 'admin');
      return { apiKeys: await services.apiKeys.list() };
    },
  );

  api.post(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key for a CRM\u2019s back end; its secret is answered this once',
        body: openApiSchema(NewApiKeyBody),
        response: { 201: openApiSchema(v.object({ apiKey: ApiKeyView, secret: v.string() })), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = await requireRole(request, services, 'admin');
      const { name, scope } = parseBody(NewApiKeyBody, request.body);
      const created = await services.apiKeys.create(actor.audit, {
        name,
        scope: { mayCreateAgents: scope.mayCreateAgents ?? false, teamIds: scope.teamIds ?? null },
      });
      return reply.code(201).send(created);
    },
  );

  api.delete<{ Params: { id: string } }>(
    '/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key and every token issued through it (their sockets are closed)',
        params: openApiSchema(v.object({ id: v.string() })),
        response: { 200: openApiSchema(v.object({ apiKey: ApiKeyView })), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await requireRole(request, services, 'admin');
      return { apiKey: await services.apiKeys.revoke(actor.audit, request.params.id) };
    },
  );
}
