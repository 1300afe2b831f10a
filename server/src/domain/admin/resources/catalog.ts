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

/** Message templates (WhatsApp's HSM) of a team, with their language and variables. */
export const templateResource = defineResource<Template, TemplateInput, Template>({
  name: 'template',
  input: TemplateInput,
  viewSchema: TemplateViewSchema,
  store: (tx) => tx.admin.templates,
  toRecord: (id, input) => ({ id, ...input }),
  toInput: withoutId,
  view: (record) => record,
  readRole: 'admin',
  writeRole: 'admin',
  async check({ tx }, _before, after) {
    if (after) await requireExisting(tx.admin.teams, after.teamId, 'teamId', 'team');
  },
});

/** A team's tags. */
export const tagResource = defineResource<Tag, TagInput, Tag>({
  name: 'tag',
  input: TagInput,
  viewSchema: TagViewSchema,
  store: (tx) => tx.admin.tags,
  toRecord: (id, input) => ({ id, ...input }),
  toInput: withoutId,
  view: (record) => record,
  readRole: 'admin',
  writeRole: 'admin',
  async check({ tx }, _before, after) {
    if (after) await requireExisting(tx.admin.teams, after.teamId, 'teamId', 'team');
  },
});

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
