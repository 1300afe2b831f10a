import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import * as v from 'valibot';
import { fieldErrors } from '../../../../src/protocol/index.js';
import { AuditEntryView, ResourceId, RotatedSecretView } from '../../admin/schemas.js';
import type { AdminActor } from '../../domain/admin/actor.js';
import { ADMIN_RESOURCES } from '../../domain/admin/resources/index.js';
import { CommandError, forbidden } from '../../domain/errors.js';
import { hasRole } from '../../domain/roles.js';
import type { Services } from '../../domain/services.js';
import { requireRole } from './actor.js';
import { installApiKeyRoutes } from './api-key-routes.js';
import { OPENAPI_DOCUMENT, openApiSchema } from './openapi.js';

export const ADMIN_API_PREFIX = '/api/admin/v1';

export interface AdminApiOptions {
  /**
   * Sends an agent the e-mail with its set-password link (`services.passwords.invite`).
   * Absent: the invite route answers 500 INTERNAL.
   */
  invite?: (agentId: string) => Promise<unknown>;
  /**
   * Routes other modules add under the prefix (a channel's own actions), installed inside the API so
   * they share its error handling and the OpenAPI document lists them.
   */
  routes?: ((api: FastifyInstance, errors: ErrorResponses) => void)[];
}

/** The documented error answers of a route, by HTTP status. */
export type ErrorResponses = (...codes: number[]) => Record<number, Record<string, unknown>>;

const AuditQuery = v.strictObject({
  resource: v.optional(v.pipe(v.string(), v.maxLength(64))),
  id: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /** Entries made at or after this time (ms since the epoch). */
  since: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'must be a time in ms')), undefined),
  /** The `nextBefore` of the previous page. */
  before: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'must be an entry id')), undefined),
  limit: v.optional(v.pipe(v.string(), v.regex(/^([1-9]\d?|100)$/, 'must be 1 to 100')), '50'),
});
const AuditPage = v.object({ entries: v.array(AuditEntryView), nextBefore: v.nullable(v.number()) });
const ErrorBody = v.object({
  error: v.object({ code: v.string(), message: v.string(), fields: v.optional(v.record(v.string(), v.string())) }),
});

function parse<T>(schema: v.GenericSchema<unknown, T>, value: unknown): T {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new CommandError('INVALID_PAYLOAD', 'The request is not valid.', fieldErrors(result.issues));
  return result.output;
}

/** The caller as the admin domain knows them: 401 without a token, 403 for plain agents. */
async function actorOf(request: FastifyRequest, services: Services): Promise<AdminActor> {
  const { agent, audit } = await requireRole(request, services, 'supervisor');
  return { audit, role: agent.role, teamIds: agent.teamIds };
}

const idParams = openApiSchema(v.object({ id: ResourceId }));
const errors: ErrorResponses = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, openApiSchema(ErrorBody)]));

/**
 * The administration REST API under `/api/admin/v1`: per resource `GET /<resource>`,
 * `GET|PUT|PATCH|DELETE /<resource>/:id`, plus the audit log, a webchat channel's secret rotation,
 * an agent's invitation, and the OpenAPI document generated from the same valibot schemas.
 * Bodies are judged by valibot (400 naming the field); the JSON Schemas are for the document only.
 */
export async function installAdminApi(app: FastifyInstance, services: Services, options: AdminApiOptions = {}): Promise<void> {
  await app.register(
    async (api) => {
      // Valibot validates, JSON.stringify answers: the route schemas only describe.
      api.setValidatorCompiler(() => () => true);
      api.setSerializerCompiler(() => (data) => JSON.stringify(data));
      await api.register(swagger, { openapi: OPENAPI_DOCUMENT, decorator: 'adminOpenApi' });

      for (const [name, resource] of Object.entries(ADMIN_RESOURCES)) {
        const tags = [name];
        const view = openApiSchema(resource.viewSchema);
        const described = (summary: string, schema: Record<string, unknown>): RouteShorthandOptions => ({
          schema: { tags, summary, ...schema },
        });
        api.get(
          `/${name}`,
          described(`List ${name}`, { response: { 200: { type: 'array', items: view }, ...errors(401, 403) } }),
          async (request) => services.admin.list(await actorOf(request, services), name),
        );
        api.get(
          `/${name}/:id`,
          described(`Get one of ${name}`, { params: idParams, response: { 200: view, ...errors(401, 403, 404) } }),
          async (request) => services.admin.get(await actorOf(request, services), name, (request.params as { id: string }).id),
        );
        api.put(
          `/${name}/:id`,
          described(`Create or replace one of ${name} (the id is the caller\u2019s)`, {
            params: idParams,
            body: openApiSchema(resource.input),
            response: { 200: view, 201: view, ...errors(400, 401, 403, 409) },
          }),
          async (request, reply) => {
            const actor = await actorOf(request, services);
            const { id } = request.params as { id: string };
            const { result, changes } = await services.admin.transaction((admin) => admin.put(name, id, request.body), { actor });
            return reply.code(changes[0]?.action === 'create' ? 201 : 200).send(result);
          },
        );
        api.patch(
          `/${name}/:id`,
          described(`Change some fields of one of ${name} (the result is validated whole)`, {
            params: idParams,
            body: { type: 'object', description: 'Any fields of the create-or-replace body.' },
            response: { 200: view, ...errors(400, 401, 403, 404, 409) },
          }),
          async (request) =>
            services.admin.patch(await actorOf(request, services), name, (request.params as { id: string }).id, request.body),
        );
        if (resource.removable !== false) {
          api.delete(
            `/${name}/:id`,
            described(`Remove one of ${name}`, { params: idParams, response: { 204: { type: 'null' }, ...errors(401, 403, 404, 409) } }),
            async (request, reply) => {
              await services.admin.remove(await actorOf(request, services), name, (request.params as { id: string }).id);
              return reply.code(204).send();
            },
          );
        }
      }

      api.post(
        '/webchat-channels/:id/rotate-identity-secret',
        {
          schema: {
            tags: ['webchat-channels'],
            summary: 'Replace the identity-verification secret; the new one is answered this once',
            params: idParams,
            response: { 200: openApiSchema(RotatedSecretView), ...errors(401, 403, 404) },
          },
        },
        async (request) => services.admin.rotateIdentitySecret(await actorOf(request, services), (request.params as { id: string }).id),
      );

      api.post(
        '/agents/:id/invite',
        {
          schema: {
            tags: ['agents'],
            summary: 'E-mail the agent a link to set its password',
            params: idParams,
            response: { 202: openApiSchema(v.object({ invited: v.string() })), ...errors(401, 403, 404, 409, 500) },
          },
        },
        async (request, reply) => {
          const actor = await actorOf(request, services);
          const { id } = request.params as { id: string };
          if (!hasRole(actor.role, ADMIN_RESOURCES.agents.writeRole)) throw forbidden('Inviting agents needs the admin role or above.');
          const agent = (await services.admin.get(actor, 'agents', id)) as { active: boolean; role: string };
          if (!agent.active) throw new CommandError('CONFLICT', 'This agent is deactivated: reactivate it first.');
          if (!options.invite) throw new CommandError('INTERNAL', 'Invitations are not set up on this server.');
          await options.invite(id);
          return reply.code(202).send({ invited: id });
        },
      );

      api.get(
        '/audit',
        {
          schema: {
            tags: ['audit'],
            summary: 'The audit log, newest first, a page at a time',
            querystring: openApiSchema(AuditQuery),
            response: { 200: openApiSchema(AuditPage), ...errors(400, 401, 403) },
          },
        },
        async (request) => {
          const actor = await actorOf(request, services);
          const query = parse(AuditQuery, request.query ?? {});
          const limit = Number(query.limit);
          const entries = await services.admin.audit(actor, {
            resource: query.resource,
            resourceId: query.id,
            since: query.since === undefined ? undefined : Number(query.since),
            beforeId: query.before === undefined ? undefined : Number(query.before),
            limit,
          });
          return { entries, nextBefore: entries.length === limit ? entries[entries.length - 1]!.id : null };
        },
      );

      installApiKeyRoutes(api, services, errors);
      for (const install of options.routes ?? []) install(api, errors);

      api.get('/openapi.json', { schema: { hide: true } }, async () => (api as unknown as { adminOpenApi(): unknown }).adminOpenApi());
    },
    { prefix: ADMIN_API_PREFIX },
  );
}
