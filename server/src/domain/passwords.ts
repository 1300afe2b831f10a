import type { PasswordAccount, PasswordTokenPurpose, Repository } from '../db/repository.js';
import type { Mailer } from '../mail/mailer.js';
import { passwordMail, type MailLanguage } from '../mail/password-mails.js';
import { CommandError, notFound } from './errors.js';
import type { Clock } from './events.js';
import { hashPassword, hashToken, newToken } from './secrets.js';

/** Counted in characters (code points), so an accented or emoji password is not cut short. */
export const PASSWORD_MIN_LENGTH = 10;
/** What `POST /api/auth/login` accepts (in UTF-16 units, as its schema counts): a longer password could never be used. */
export const PASSWORD_MAX_LENGTH = 1024;
export const INVITE_LINK_TTL_MS = 7 * 24 * 60 * 60_000;
export const RESET_LINK_TTL_MS = 60 * 60_000;
/** Reset mails one agent gets per hour at most, whoever asks: no one can flood a mailbox through the form. */
export const RESET_MAILS_PER_HOUR = 3;
/** The stored hash of an agent with no usable password yet (invited, or an owner made on the command line): matches nothing. */
export const NO_PASSWORD = { hash: '', salt: '' } as const;

/** `fields.token` of a refused link, so a page can tell the cases apart (server/public/set-password/). */
export const PASSWORD_LINK_REFUSALS = {
  unknown: 'is not valid',
  used: 'was already used',
  expired: 'has expired',
} as const;

const TTL: Record<PasswordTokenPurpose, number> = { invite: INVITE_LINK_TTL_MS, reset: RESET_LINK_TTL_MS };

const refusedLink = (reason: keyof typeof PASSWORD_LINK_REFUSALS, message: string) =>
  new CommandError('INVALID_PAYLOAD', message, { token: PASSWORD_LINK_REFUSALS[reason] });

export interface PasswordServiceOptions {
  /** The address people reach the server at, for links: asked at each link, since it may be known only once listening. */
  publicUrl: () => string;
  /** A mail that could not be sent: logged by the caller (never the link: the context holds none). */
  onMailFailure: (error: unknown, context: { to: string; purpose: PasswordTokenPurpose }) => void;
  /** Agent tokens deleted by a new password: their open sockets are closed. */
  onTokensRevoked: (tokenHashes: string[]) => void;
}

/**
 * Passwords set through one-time links mailed to the agent: an invite for a new agent (7 days), a
 * reset for a forgotten password (1 hour). Only the link's sha256 is stored; the token travels in the
 * URL's fragment (`/set-password/#token=…`), which browsers never send to a server or in a Referer.
 */
export class PasswordService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly mailer: Mailer,
    private readonly options: PasswordServiceOptions,
  ) {}

  /**
   * A new link for the agent to set its password, mailed to it unless `mail: false` (the command line
   * prints it instead); the agent's earlier links stop working. Throws when the e-mail could not be sent.
   */
  async invite(agentId: string, options: { mail?: boolean; language?: MailLanguage } = {}): Promise<{ link: string }> {
    const account = await this.repo.findPasswordAccount({ id: agentId });
    if (!account) throw notFound('agent');
    if (!account.active) throw new CommandError('CONFLICT', 'The agent is deactivated: activate it before inviting it.');
    const link = await this.#issueLink(account, 'invite');
    if (options.mail !== false) await this.#mail(account, 'invite', link, options.language);
    return { link };
  }

  /**
   * Mails a reset link when an active agent has the address; otherwise does nothing, and answers the
   * same either way, so no one learns which addresses have accounts (the mail is handed over without
   * waiting for the SMTP server, so the time does not tell either). At most RESET_MAILS_PER_HOUR per agent.
   */
  async requestReset(rawEmail: string): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    const account = await this.repo.findPasswordAccount({ email });
    if (!account || !account.active) return;
    const lastHour = await this.repo.countPasswordTokensSince(account.id, 'reset', this.now() - 60 * 60_000);
    if (lastHour >= RESET_MAILS_PER_HOUR) return;
    const link = await this.#issueLink(account, 'reset');
    this.#mail(account, 'reset', link).catch(() => {}); // logged by #mail
  }

  /**
   * Sets the agent's password with the token of its link; the link then stops working, and every
   * agent token of the agent is deleted (a reset means the old password may be known to someone else).
   */
  async setPassword(token: string, password: string): Promise<void> {
    const tokenHash = hashToken(token);
    const record = await this.repo.getPasswordToken(tokenHash);
    if (!record) throw refusedLink('unknown', 'This link is not valid. Ask for a new one.');
    if (record.usedAt !== null) throw refusedLink('used', 'This link was already used or replaced by a newer one. Ask for a new one.');
    if (record.expiresAt <= this.now()) throw refusedLink('expired', 'This link has expired. Ask for a new one.');
    const account = await this.repo.findPasswordAccount({ id: record.agentId });
    if (!account?.active) throw refusedLink('unknown', 'This link is not valid: the account is deactivated.');

    if ([...password].length < PASSWORD_MIN_LENGTH) {
      throw new CommandError('INVALID_PAYLOAD', `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`, {
        password: `must have at least ${PASSWORD_MIN_LENGTH} characters`,
      });
    }
    if (password.length > PASSWORD_MAX_LENGTH) {
      throw new CommandError('INVALID_PAYLOAD', `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`, {
        password: `must have at most ${PASSWORD_MAX_LENGTH} characters`,
      });
    }

    const { hash, salt } = await hashPassword(password);
    const revoked = await this.repo.transaction(async (tx) => {
      // Checked again inside the transaction: of two requests with one link, only one sets the password.
      if (!(await tx.usePasswordToken(tokenHash, this.now()))) {
        throw refusedLink('used', 'This link was already used or replaced by a newer one. Ask for a new one.');
      }
      await tx.setAgentPassword(account.id, hash, salt);
      await tx.insertAudit({
        at: this.now(),
        actor: { kind: 'agent', id: account.id },
        action: record.purpose === 'invite' ? 'set-password' : 'reset-password',
        resource: 'agent',
        resourceId: account.id,
      });
      return tx.deleteAgentAuthTokens(account.id);
    });
    if (revoked.length > 0) this.options.onTokensRevoked(revoked);
  }

  async #issueLink(account: PasswordAccount, purpose: PasswordTokenPurpose): Promise<string> {
    const token = newToken('pwd');
    const createdAt = this.now();
    await this.repo.insertPasswordToken({
      tokenHash: hashToken(token),
      agentId: account.id,
      purpose,
      createdAt,
      expiresAt: createdAt + TTL[purpose],
    });
    return `${this.options.publicUrl().replace(/\/+$/, '')}/set-password/#token=${token}`;
  }

  /** Agents have no language of their own yet: pt-BR, the product's source language, unless the caller knows better. */
  async #mail(account: PasswordAccount, purpose: PasswordTokenPurpose, link: string, language: MailLanguage = 'pt-BR'): Promise<void> {
    try {
      await this.mailer.send(passwordMail(purpose, language, account, link));
    } catch (error) {
      // The mailer's error, not the mail: the link must not reach the logs.
      this.options.onMailFailure(error instanceof Error ? new Error(error.message) : error, { to: account.email, purpose });
      throw new CommandError(
        'INTERNAL',
        `The e-mail to ${account.email} could not be sent. Check the server's SMTP settings and try again.`,
      );
    }
  }
}
