import type { TeamRecord } from '../../../db/repository.js';
import { TeamInput, TeamView as TeamViewSchema } from '../../../admin/schemas.js';
import { defineResource, requireAllExisting } from '../resource.js';

/** Teams: members, waiting timeout, working hours and holidays. A team with sessions cannot be removed (409). */
export const teamResource = defineResource<TeamRecord, TeamInput, TeamRecord>({
  name: 'team',
  input: TeamInput,
  viewSchema: TeamViewSchema,
  store: (tx) => tx.admin.teams,
  toRecord: (id, input) => ({ id, ...input }) as TeamRecord,
  toInput: ({ id: _id, ...input }) => input,
  view: (record) => record,
  readRole: 'supervisor',
  writeRole: 'admin',
  async check({ tx }, _before, after) {
    if (after) await requireAllExisting(tx.admin.agents, after.memberIds, 'memberIds', 'agent');
  },
});
