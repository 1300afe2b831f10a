import type { Tag, Template } from '../../../../../src/protocol/index.js';
import type { CannedResponseRecord } from '../../../db/repository.js';
import {
  CannedResponseInput,
  CannedResponseView as CannedResponseViewSchema,
  TagInput,
  TagView as TagViewSchema,
  TemplateInput,
  TemplateView as TemplateViewSchema,
} from '../../../admin/schemas.js';
import { forbidden } from '../../errors.js';
import { defineResource, invalidFields, requireExisting } from '../resource.js';

const withoutId = <R extends { id: string }>({ id: _id, ...input }: R) => input;

/** A resource stored as it is given, belonging to one team (which must exist), administered by admins. */
const teamOwnedResource = <T extends { id: string; teamId: string }, I extends Omit<T, 'id'>>(
  name: string,
  input: Parameters<typeof defineResource<T, I, T>>[0]['input'],
  viewSchema: Parameters<typeof defineResource<T, I, T>>[0]['viewSchema'],
  store: Parameters<typeof defineResource<T, I, T>>[0]['store'],
) =>
  defineResource<T, I, T>({
    name,
    input,
    viewSchema,
    store,
    toRecord: (id, fields) => ({ id, ...fields }) as unknown as T,
    toInput: withoutId as (record: T) => I,
    view: (record) => record,
    readRole: 'admin',
    writeRole: 'admin',
    async check({ tx }, _before, after) {
      if (after) await requireExisting(tx.admin.teams, after.teamId, 'teamId', 'team');
    },
  });

/** Message templates (WhatsApp's HSM) of a team, with their language and variables. */
export const templateResource = teamOwnedResource<Template, TemplateInput>(
  'template',
  TemplateInput,
  TemplateViewSchema,
  (tx) => tx.admin.templates,
);

/** A team's tags. */
export const tagResource = teamOwnedResource<Tag, TagInput>('tag', TagInput, TagViewSchema, (tx) => tx.admin.tags);

/**
 * Canned responses of a team or of the whole company (`teamId: null`), with files. Supervisors
 * manage those of their own teams; the company's are the admins'.
 */
export const cannedResponseResource = defineResource<CannedResponseRecord, CannedResponseInput, CannedResponseRecord>({
  name: 'canned-response',
  input: CannedResponseInput,
  viewSchema: CannedResponseViewSchema,
  store: (tx) => tx.admin.cannedResponses,
  toRecord: (id, input) => ({ id, ...input }),
  toInput: withoutId,
  view: (record) => record,
  readRole: 'supervisor',
  writeRole: 'supervisor',
  async check({ tx, actor }, before, after) {
    if (actor.role === 'supervisor') {
      for (const record of [before, after]) {
        if (record && (record.teamId === null || !actor.teamIds.includes(record.teamId))) {
          throw forbidden('A supervisor manages only the canned responses of their own teams.');
        }
      }
    }
    if (!after) return;
    await requireExisting(tx.admin.teams, after.teamId, 'teamId', 'team');
    for (const [index, fileId] of after.fileIds.entries()) {
      if (!(await tx.getFile(fileId))) throw invalidFields({ [`fileIds.${index}`]: 'is not a stored file' });
    }
  },
});
