import type { AgentRecord } from '../../../db/repository.js';
import { AgentInput, AgentView as AgentViewSchema } from '../../../admin/schemas.js';
import { CommandError, forbidden } from '../../errors.js';
import { defineResource, invalidFields, requireAllExisting } from '../resource.js';

const POWERFUL_ROLES: readonly string[] = ['owner', 'admin'];

/**
 * Agents: created without a password (an invitation sets it), never deleted — deactivated, which ends
 * their logins and hands their sessions back to their teams. Owners and admins are the owner's to
 * make, change or unmake; the last active owner stays one.
 */
export const agentResource = defineResource<AgentRecord, AgentInput, AgentRecord>({
  name: 'agent',
  input: AgentInput,
  viewSchema: AgentViewSchema,
  store: (tx) => tx.admin.agents,
  toRecord: (id, input) => ({ id, ...input, permissions: { ...input.permissions } }),
  toInput: ({ id: _id, ...input }) => input,
  view: (record) => record,
  readRole: 'supervisor',
  writeRole: 'admin',
  removable: false,
  async check({ tx, actor }, before, after) {
    if (!after) return;
    if ([before?.role, after.role].some((role) => role !== undefined && POWERFUL_ROLES.includes(role)) && actor.role !== 'owner') {
      throw forbidden('Only an owner may create, change or unmake owners and admins.');
    }
    await requireAllExisting(tx.admin.teams, after.teamIds, 'teamIds', 'team');
    if (after.photoFileId !== null && !(await tx.getFile(after.photoFileId))) throw invalidFields({ photoFileId: 'is not a stored file' });
    const others = (await tx.admin.agents.list()).filter((agent) => agent.id !== after.id);
    if (others.some((agent) => agent.email === after.email)) {
      throw new CommandError('CONFLICT', 'Another agent has this e-mail address.', { email: 'is already used by another agent' });
    }
    if (after.externalId !== null && others.some((agent) => agent.externalId === after.externalId)) {
      throw new CommandError('CONFLICT', 'Another agent has this external id.', { externalId: 'is already used by another agent' });
    }
    const stillOwner = after.role === 'owner' && after.active;
    if (before?.role === 'owner' && before.active && !stillOwner && !others.some((agent) => agent.role === 'owner' && agent.active)) {
      throw new CommandError('CONFLICT', 'The company needs an active owner: make another agent owner first.', {
        [after.active ? 'role' : 'active']: 'would leave no active owner',
      });
    }
  },
  actionOf: (before, after) =>
    before?.active && !after.active ? 'deactivate' : !before?.active && before && after.active ? 'reactivate' : undefined,
  async written({ afterCommit, effects }, before, after) {
    if (before?.active && !after.active) {
      afterCommit(async () => {
        await effects.revokeAgent(after.id, 'deactivated');
        await effects.returnSessionsToTeams(after.id);
      });
    }
  },
});
