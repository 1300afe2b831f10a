import type { AuthEndReason } from '../../../../src/protocol/index.js';
import type { Repository } from '../../db/repository.js';
import type { SessionService } from '../sessions.js';
import type { AdminEffects } from './resource.js';

/** Ends the sockets logged in with a token: `auth.ended {reason}`, then closed (the socket layer knows how). */
export type EndTokenSockets = (tokenHash: string, reason: AuthEndReason) => void;

/**
 * What a deactivation sets off. `revokeAgent` stands in for the auth service's own (wip/auth's
 * `services.auth.revokeAgent`): it deletes the agent's tokens and ends their sockets.
 */
export function adminEffects(repo: Repository, sessions: SessionService, endTokenSockets: EndTokenSockets): AdminEffects {
  return {
    async revokeAgent(agentId, reason) {
      for (const tokenHash of await repo.admin.deleteAgentTokens(agentId)) endTokenSockets(tokenHash, reason);
    },
    async returnSessionsToTeams(agentId) {
      const agent = await repo.getAgent(agentId);
      if (!agent) return;
      const held = (await repo.listDeskSessions(agentId, [])).filter(
        (session) =>
          (session.agentId === agentId && (session.status === 'active' || session.status === 'pending')) ||
          (session.status === 'waiting' && session.targetAgentId === agentId),
      );
      // As a transfer by the agent to its session's own team: the history says where it went, and who waits is told.
      for (const session of held) {
        await sessions.transfer(agent, { sessionId: session.id, toTeamId: session.teamId, toAgentId: null, note: 'deactivated' });
      }
    },
  };
}
