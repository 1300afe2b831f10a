import type { ApiKeyRecord, ApiKeyScope, AuditActor, Repository } from '../db/repository.js';
import type { TokenSockets } from './auth.js';
import { notFound } from './errors.js';
import type { Clock } from './events.js';
import { hashToken, newId, newToken } from './secrets.js';
import { requireTeams } from './teams.js';

/** How many characters of a secret lists show (`ck_` and 8 random ones): enough to tell keys apart, useless to guess with. */
const VISIBLE_PREFIX_LENGTH = 11;

export interface NewApiKey {
  name: string;
  scope: ApiKeyScope;
}

/**
 * CRMs' API keys (issue 9, CRM sign-on). The secret is shown once, when the key is created, and
 * stored as its sha256 like agent tokens (server/src/domain/secrets.ts). Revoking a key revokes every
 * agent token issued through it, and their sockets are told and closed. Every change is audited,
 * never with the secret.
 */
export class ApiKeyService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly sockets: TokenSockets,
  ) {}

  /** The new key and its secret: the only time anyone sees the secret. */
  async create(actor: AuditActor, input: NewApiKey): Promise<{ apiKey: ApiKeyRecord; secret: string }> {
    const teamIds = input.scope.teamIds === null ? null : [...new Set(input.scope.teamIds)];
    if (teamIds) await requireTeams(this.repo, teamIds, 'scope.teamIds');
    const secret = newToken('ck');
    const apiKey: ApiKeyRecord = {
      id: newId('key'),
      name: input.name,
      prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH),
      scope: { mayCreateAgents: input.scope.mayCreateAgents, teamIds },
      createdBy: actor.kind === 'agent' ? actor.id : null,
      createdAt: this.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.repo.transaction(async (tx) => {
      await tx.insertApiKey(apiKey, hashToken(secret));
      await tx.insertAudit({ at: apiKey.createdAt, actor, action: 'create', resource: 'api-key', resourceId: apiKey.id, after: apiKey });
    });
    return { apiKey, secret };
  }

  /** Every key, newest first, revoked ones included: never a secret; with each one's last use. */
  list(): Promise<ApiKeyRecord[]> {
    return this.repo.listApiKeys();
  }

  /**
   * Revokes the key and every token issued through it: their sockets get `auth.ended {reason: 'revoked'}`
   * and close. Revoking a revoked key changes nothing and answers it as it is.
   */
  async revoke(actor: AuditActor, id: string): Promise<ApiKeyRecord> {
    const at = this.now();
    const { apiKey, tokenHashes } = await this.repo.transaction(async (tx) => {
      const before = await tx.getApiKey(id);
      if (!before) throw notFound('API key');
      if (!(await tx.revokeApiKey(id, at))) return { apiKey: before, tokenHashes: [] };
      const after = { ...before, revokedAt: at };
      const tokenHashes = await tx.deleteApiKeyAuthTokens(id);
      await tx.insertAudit({ at, actor, action: 'revoke', resource: 'api-key', resourceId: id, before, after });
      return { apiKey: after, tokenHashes };
    });
    this.sockets.end(tokenHashes, 'revoked');
    return apiKey;
  }

  /** The key with this secret if it is not revoked, else null. */
  async verify(secret: string): Promise<ApiKeyRecord | null> {
    const apiKey = await this.repo.findApiKeyBySecretHash(hashToken(secret));
    return apiKey && apiKey.revokedAt === null ? apiKey : null;
  }

  async markUsed(id: string): Promise<void> {
    await this.repo.markApiKeyUsed(id, this.now());
  }
}
