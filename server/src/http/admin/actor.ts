import type { FastifyRequest } from 'fastify';
import type { Agent, AgentRole } from '../../../../src/protocol/index.js';
import type { AuditActor } from '../../db/repository.js';
import { CommandError, forbidden } from '../../domain/errors.js';
import { hasRole } from '../../domain/roles.js';
import type { Services } from '../../domain/services.js';
import { bearerToken } from '../bearer.js';

/** Who calls an admin endpoint, and how the audit log names them. */
export interface AdminActor {
  agent: Agent;
  audit: AuditActor;
}

/**
 * The agent behind the request's `Authorization: Bearer <token>`, if its role is at least `minimum`:
 * 401 without a valid token, 403 below the role. Every admin route starts here.
 */
export async function requireRole(request: FastifyRequest, services: Services, minimum: AgentRole): Promise<AdminActor> {
  const token = bearerToken(request.headers.authorization);
  const identity = token ? await services.auth.authenticate(token) : null;
  if (!identity) throw new CommandError('UNAUTHENTICATED', 'Send an agent token in the Authorization header (Bearer).');
  const agent = await services.teams.agent(identity.agentId);
  if (!hasRole(agent.role, minimum)) throw forbidden(`This needs the ${minimum} role or above; you are ${agent.role}.`);
  return { agent, audit: { kind: 'agent', id: agent.id } };
}
