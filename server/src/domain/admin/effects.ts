import type { Repository } from '../../db/repository.js';
import type { AuthService } from '../auth.js';
import type { SessionService } from '../sessions.js';
import type { AdminEffects } from './resource.js';

/** What a deactivation sets off: the agent's tokens revoked (their sockets told why), its sessions back to their teams. */
export function adminEffects(repo: Repository, sessions: SessionService, auth: Pick<AuthService, 'revokeAgent'>): AdminEffects {
  return {
    revokeAgent: (agentId, reason) => auth.revokeAgent(agentId, reason),
    async returnSessionsToTeams(agentId) {
      const agent = await repo.getAgent(agentId);
      if (!agent) return;
      const held = (await repo.listDeskSessions(agentId)).filter(
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
