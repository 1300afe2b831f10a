import type { FastifyInstance } from 'fastify';
import { ADMIN_API_PREFIX } from '../../http/admin/admin-api.js';
import { requireRole } from '../../http/admin/actor.js';
import { CommandError, notFound } from '../../domain/errors.js';
import type { Services } from '../../domain/services.js';
import { GraphError } from './graph-client.js';
import { templatesToSync } from './template-sync.js';

/**
 * `POST /api/admin/v1/whatsapp-channels/:id/sync-templates`: copies the account's approved templates
 * (Graph `message_templates`) into the channel's team, through the admin API's own checks and audit
 * log. Answers the ids synced and the templates left out (not approved yet, or refused).
 */
export function installWhatsappAdminRoutes(http: FastifyInstance, services: Services): void {
  http.post<{ Params: { id: string } }>(`${ADMIN_API_PREFIX}/whatsapp-channels/:id/sync-templates`, async (request) => {
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
  });
}
