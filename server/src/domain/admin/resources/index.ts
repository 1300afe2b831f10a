import type { AnyResource } from '../resource.js';
import { customerAccountResource } from './accounts.js';
import { agentResource } from './agents.js';
import { cannedResponseResource, tagResource, templateResource } from './catalog.js';
import { webchatChannelResource, whatsappChannelResource } from './channels.js';
import { availabilitySettingsResource, contactSettingsResource, pauseTypeResource } from './settings.js';
import { teamResource } from './teams.js';

/** Every administered resource by its name in the API's paths (`/api/admin/v1/<name>`). */
export const ADMIN_RESOURCES = {
  agents: agentResource,
  teams: teamResource,
  'webchat-channels': webchatChannelResource,
  'whatsapp-channels': whatsappChannelResource,
  templates: templateResource,
  'canned-responses': cannedResponseResource,
  tags: tagResource,
  'pause-types': pauseTypeResource,
  'contact-settings': contactSettingsResource,
  accounts: customerAccountResource,
  'availability-settings': availabilitySettingsResource,
} satisfies Record<string, AnyResource>;

export type AdminResourceName = keyof typeof ADMIN_RESOURCES;

export function isAdminResourceName(name: string): name is AdminResourceName {
  return Object.hasOwn(ADMIN_RESOURCES, name);
}
