import type { AgentSignOn } from '../../../src/protocol/index.js';
import type { ApiKeyRecord, Repository, StoredAgentAccount } from '../db/repository.js';
import type { ApiKeyService } from './api-keys.js';
import type { AuthService } from './auth.js';
import { CommandError, forbidden, notFound } from './errors.js';
import type { Clock } from './events.js';
import { hasRole, NO_PERMISSIONS } from './roles.js';
import { newId } from './secrets.js';
import { requireTeams } from './teams.js';

/** How long a token a CRM obtains works: the client asks its `getToken()` for the next one before then. */
export const DEFAULT_SIGN_ON_TOKEN_TTL_MS = 15 * 60_000;

/** Who to sign in (exactly one of `email`, `externalId`), and optionally how to create them if they are not found. */
export interface SignOnRequest {
  email?: string;
  externalId?: string;
  create?: { name: string; email: string; teamIds: string[] };
}

/**
 * CRM sign-on (`POST /api/auth/token`): a CRM's back end exchanges its API key and one of its users'
 * e-mail or external id for a short-lived agent token, so the agent never needs a Conecta password.
 * Tokens are linked to the key, so revoking the key ends them. A key signs in agents and supervisors
 * of its teams only: an admin's or owner's powers stay behind their own password, not a server secret.
 */
export class SignOnService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeyService,
    private readonly tokenTtlMs = DEFAULT_SIGN_ON_TOKEN_TTL_MS,
  ) {}

  /** The key behind a secret, recording its use; 401 when unknown or revoked. */
  async keyOf(secret: string): Promise<ApiKeyRecord> {
    const apiKey = await this.apiKeys.verify(secret);
    if (!apiKey) throw new CommandError('UNAUTHENTICATED', 'Unknown or revoked API key.');
    await this.apiKeys.markUsed(apiKey.id);
    return apiKey;
  }

  async signOn(apiKey: ApiKeyRecord, request: SignOnRequest): Promise<AgentSignOn> {
    const found =
      request.email !== undefined
        ? await this.repo.findAgentAccountByEmail(request.email)
        : await this.repo.findAgentAccountByExternalId(request.externalId!);
    const account = found ?? (await this.#create(apiKey, request));
    if (!account.active) throw forbidden('This agent is deactivated.');
    if (hasRole(account.role, 'admin')) throw forbidden(`An API key does not sign in ${account.role}s: they sign in with their password.`);
    const { teamIds } = apiKey.scope;
    if (teamIds && !account.teamIds.some((id) => teamIds.includes(id))) throw forbidden('This agent is in none of the API key’s teams.');
    const { token, expiresAt } = await this.auth.issueToken(account.id, this.tokenTtlMs, apiKey.id);
    const { passwordHash: _hash, passwordSalt: _salt, active: _active, externalId: _externalId, ...agent } = account;
    return { token, expiresAt, agent };
  }

  /** A new agent (role agent, no permissions, no password) with the CRM's external id, if the key may create one. */
  async #create(apiKey: ApiKeyRecord, request: SignOnRequest): Promise<StoredAgentAccount> {
    const { create } = request;
    if (!create) throw notFound('agent: send `create` (name, email, teamIds) to create it on first sign-on');
    if (!apiKey.scope.mayCreateAgents) throw forbidden('This API key may not create agents.');
    if (request.email !== undefined && create.email !== request.email) {
      throw new CommandError('INVALID_PAYLOAD', 'The agent to create must have the e-mail it was looked up by.', {
        'create.email': 'differs from email',
      });
    }
    await this.#requireTeams(apiKey, create.teamIds);
    const id = newId('ag');
    const at = this.now();
    const externalId = request.externalId ?? null;
    return this.repo.transaction(async (tx) => {
      if (await tx.findAgentAccountByEmail(create.email)) {
        throw new CommandError('CONFLICT', 'Another agent has this e-mail address.', { 'create.email': 'belongs to another agent' });
      }
      const agent = {
        id,
        name: create.name,
        email: create.email,
        nickname: null,
        extension: null,
        teamIds: [...new Set(create.teamIds)],
        role: 'agent' as const,
        permissions: NO_PERMISSIONS,
      };
      // No password: an empty hash matches none (the agent may get one through an invitation later).
      await tx.insertAgent({ ...agent, passwordHash: '', passwordSalt: '' }, at);
      if (externalId !== null) await tx.setAgentExternalId(id, externalId);
      await tx.insertAudit({
        at,
        actor: { kind: 'api-key', id: apiKey.id },
        action: 'create',
        resource: 'agent',
        resourceId: id,
        after: { ...agent, externalId },
      });
      return { ...agent, rating: null, photoUrl: null, language: null, passwordHash: '', passwordSalt: '', active: true, externalId };
    });
  }

  async #requireTeams(apiKey: ApiKeyRecord, teamIds: readonly string[]): Promise<void> {
    const scope = apiKey.scope.teamIds;
    if (scope && teamIds.length === 0) {
      throw new CommandError('INVALID_PAYLOAD', 'Name the new agent’s teams.', {
        'create.teamIds': 'must name at least one of the key’s teams',
      });
    }
    const outside = scope ? teamIds.filter((id) => !scope.includes(id)) : [];
    if (outside.length) throw forbidden(`The API key does not reach these teams: ${outside.join(', ')}.`);
    await requireTeams(this.repo, teamIds, 'create.teamIds');
  }
}
