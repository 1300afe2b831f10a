import type { Agent, ParsedPayload } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import type { AuthService } from './auth.js';
import { CommandError } from './errors.js';
import type { Clock } from './events.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';
import { hashPassword, verifyPassword } from './secrets.js';

/** What an agent changes of its own account from the agent bar: nickname, extension, language, photo, password. */
export class AgentProfileService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly auth: Pick<AuthService, 'revokeAgent'>,
  ) {}

  async update(agent: Agent, changes: ParsedPayload<'agent.profile'>): Promise<Agent> {
    if (changes.photoFileId) {
      const file = await this.repo.getFile(changes.photoFileId);
      // Only an image the agent uploaded itself: another's file id must not become a public photo.
      if (!file || file.ownerKind !== 'agent' || file.ownerId !== agent.id || file.kind !== 'image') {
        throw new CommandError('INVALID_PAYLOAD', 'The photo must be an image you uploaded.', {
          photoFileId: 'is not an image you uploaded',
        });
      }
    }
    const nonEmpty = (text: string | null | undefined) => (text === '' ? null : text);
    await this.repo.transaction(async (tx) => {
      await tx.updateAgentProfile(agent.id, {
        nickname: nonEmpty(changes.nickname),
        extension: nonEmpty(changes.extension),
        language: changes.language,
        photoFileId: changes.photoFileId,
      });
      await this.#audit(tx, agent, 'update-profile');
    });
    return (await this.repo.getAgent(agent.id))!;
  }

  /** Checks the current password, sets the next one, and revokes every other token of the agent (`keepTokenHash` stays). */
  async changePassword(agent: Agent, { current, next }: ParsedPayload<'agent.password'>, keepTokenHash: string): Promise<{ ok: true }> {
    const account = await this.repo.findAgentAccountByEmail(agent.email);
    if (!account || !(await verifyPassword(current, account.passwordHash, account.passwordSalt))) {
      throw new CommandError('INVALID_PAYLOAD', 'The current password is wrong.', { current: 'is wrong' });
    }
    if ([...next].length < PASSWORD_MIN_LENGTH) {
      throw new CommandError('INVALID_PAYLOAD', `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`, {
        next: `must have at least ${PASSWORD_MIN_LENGTH} characters`,
      });
    }
    if (next.length > PASSWORD_MAX_LENGTH) throw new CommandError('INVALID_PAYLOAD', 'The password is too long.', { next: 'is too long' });
    const { hash, salt } = await hashPassword(next);
    await this.repo.transaction(async (tx) => {
      await tx.setAgentPassword(agent.id, hash, salt);
      await this.#audit(tx, agent, 'change-password');
    });
    await this.auth.revokeAgent(agent.id, 'revoked', keepTokenHash);
    return { ok: true };
  }

  /** The agent changed its own account: the audit log names it as the actor. */
  #audit(tx: Repository, agent: Agent, action: string): Promise<void> {
    return tx.insertAudit({ at: this.now(), actor: { kind: 'agent', id: agent.id }, action, resource: 'agent', resourceId: agent.id });
  }
}
