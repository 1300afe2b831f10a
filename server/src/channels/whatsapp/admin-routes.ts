import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { ResourceId } from '../../admin/schemas.js';
import { requireRole } from '../../http/admin/actor.js';
import type { ErrorResponses } from '../../http/admin/admin-api.js';
import { openApiSchema } from '../../http/admin/openapi.js';
import { CommandError, notFound } from '../../domain/errors.js';
import type { Services } from '../../domain/services.js';
import { GraphError } from './graph-client.js';
import { templatesToSync } from './template-sync.js';

const SyncResult = v.object({
  /** The ids of the templates created or replaced. */
  synced: v.array(v.string()),
  /** The account's templates left out: not approved yet, or refused. */
  skipped: v.array(v.object({ name: v.string(), language: v.string(), status: v.string() })),
});

/**
 * `POST /api/admin/v1/whatsapp-channels/:id/sync-templates` (installed inside the admin API, so its
 * OpenAPI document lists it): copies the account's approved templates (Graph `message_templates`)
 * into the channel's team, through the admin API's own checks and audit log. Answers the ids synced
 * and the templates left out (not approved yet, or refused).
 */
export function installWhatsappAdminRoutes(api: FastifyInstance, services: Services, errors: ErrorResponses): void {
  api.post<{ Params: { id: string } }>(
    '/whatsapp-channels/:id/sync-templates',
    {
      schema: {
        tags: ['whatsapp-channels'],
        summary: "Copy the WhatsApp account's approved templates into the channel's team",
        params: openApiSchema(v.object({ id: ResourceId })),
        response: { 200: openApiSchema(SyncResult), ...errors(401, 403, 404, 502) },
      },
    },
    async (request) => {
      const { agent, audit } = await requireRole(request, services, 'supervisor');
      const actor = { audit, role: agent.role, teamIds: agent.teamIds };
      await services.admin.get(actor, 'whatsapp-channels', request.params.id); // 404 and permission, as the API says
      const channel = await services.whatsapp.channelRecord(request.params.id);
      if (!channel) throw notFound('whatsapp-channel');
      let graphTemplates;
      try {
        graphTemplates = await services.whatsapp.accountTemplates(channel);
      } catch (error) {
        if (error instanceof GraphError)
          throw new CommandError('CHANNEL_REFUSED', `The Graph API refused to list the templates: ${error.message}`);
        throw error;
      }
      const synced = templatesToSync(channel, graphTemplates);
      for (const template of synced) await services.admin.put(actor, 'templates', template.id, template.input);
      const syncedKeys = new Set(synced.map((t) => `${t.input.name}/${t.input.language}`));
      return {
        synced: synced.map((t) => t.id),
        skipped: graphTemplates
          .filter((t) => !syncedKeys.has(`${t.name}/${t.language}`))
          .map((t) => ({ name: t.name, language: t.language, status: t.status })),
      };
    },
  );
}
