import type { Agent, Session } from '../../../src/protocol/index.js';
import type { Repository, SessionScope } from '../db/repository.js';
import { CommandError, forbidden, notFound } from './errors.js';
import type { VisitorIdentity } from './identity.js';

// Who may see and write in a session, for every service that touches one.

/** How an agent signs: its nickname, else its name. */
export const nameOf = (agent: Pick<Agent, 'name' | 'nickname'>) => agent.nickname || agent.name;

/** Which sessions the agent may see in a contact's history and gallery: every team with the history permission. */
export function scopeOf(agent: Agent): SessionScope {
  return { agentId: agent.id, teamIds: agent.permissions.history ? null : agent.teamIds };
}

export async function requireSession(repo: Repository, sessionId: string): Promise<Session> {
  const session = await repo.getSession(sessionId);
  if (!session) throw notFound('session');
  return session;
}

/** Read access: own, invited, awaited, of its teams, or finished with the history permission. */
export function agentMaySee(agent: Agent, session: Session): boolean {
  return (
    session.agentId === agent.id ||
    session.targetAgentId === agent.id ||
    session.invitedAgentIds.includes(agent.id) ||
    agent.teamIds.includes(session.teamId) ||
    (agent.permissions.history && session.status === 'finished')
  );
}

/** Write access: the owner and the invited agents. */
export function agentMayWrite(agent: Agent, session: Session): boolean {
  return session.agentId === agent.id || session.invitedAgentIds.includes(agent.id);
}

export function visitorOwns(visitor: VisitorIdentity, session: Session): boolean {
  return session.channel === 'webchat' && session.channelKey === visitor.channelKey && session.contactId === visitor.contactId;
}

/** Actions only the owner of an open session may take (park, rescue, invite). */
export function requireOwner(agent: Agent, session: Session, action: string): void {
  if (session.status === 'finished') throw new CommandError('SESSION_FINISHED', `Session ${session.protocol} is already finished.`);
  if (session.agentId !== agent.id) {
    throw forbidden(
      session.agentId === null
        ? `Accept session ${session.protocol} before you ${action} it.`
        : `Only the agent who owns session ${session.protocol} can ${action} it.`,
    );
  }
  if (action === 'rescue' && session.status !== 'pending' && session.status !== 'active') {
    throw new CommandError('CONFLICT', `Session ${session.protocol} is not pending.`);
  }
}
