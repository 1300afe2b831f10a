import type { Agent, AgentPermissions, AgentRole } from '../../../src/protocol/index.js';

/** From least to most: each role may do what the roles before it may. */
export const ROLES: readonly AgentRole[] = ['agent', 'supervisor', 'admin', 'owner'];

/** Whether `role` is at least `minimum`. */
export function hasRole(role: AgentRole, minimum: AgentRole): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** The manuals' per-agent permissions, all off: what a new agent has until an admin grants more. */
export const NO_PERMISSIONS: AgentPermissions = {
  history: false,
  internalChat: false,
  statistics: false,
  bulkActions: false,
  startConversations: false,
};

/** Whether the agent holds a permission; owners and admins hold them all. */
export function may(agent: Pick<Agent, 'role' | 'permissions'>, permission: keyof AgentPermissions): boolean {
  return hasRole(agent.role, 'admin') || agent.permissions[permission];
}
