import { createHash } from 'node:crypto';
import type { TemplateInput } from '../../admin/schemas.js';
import type { GraphTemplate } from './graph-client.js';

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** One of the account's templates as one of ours: its id says which channel, name and language it came from. */
export interface SyncedTemplate {
  id: string;
  input: TemplateInput;
}

/** The id of a channel's synced template: `<channel>.<name>.<language>`, hashed when longer than an id may be. */
export function syncedTemplateId(channelId: string, name: string, language: string): string {
  const id = `${channelId}.${name}.${language}`;
  return id.length <= 64
    ? id
    : `${channelId.slice(0, 40)}.${createHash('sha256').update(`${name}.${language}`).digest('hex').slice(0, 16)}`;
}

/**
 * The account's approved templates, for the channel's team: only those Meta approved can be sent.
 * Their variables are the body's placeholders, `{{1}}`…, or `{{name}}` for named ones, in order.
 */
export function templatesToSync(channel: { id: string; defaultTeamId: string }, templates: readonly GraphTemplate[]): SyncedTemplate[] {
  return templates
    .filter((t) => t.status === 'APPROVED' && t.body)
    .map((t) => ({
      id: syncedTemplateId(channel.id, t.name, t.language),
      input: {
        teamId: channel.defaultTeamId,
        name: t.name,
        language: t.language,
        body: t.body,
        variables: [...new Set([...t.body.matchAll(PLACEHOLDER)].map((m) => m[1]))],
      },
    }));
}
