import type { AuditEntry, AuditQuery, Repository } from '../../db/repository.js';
import type { Clock } from '../events.js';
import { forbidden } from '../errors.js';
import { hasRole } from '../roles.js';
import type { AdminActor } from './actor.js';
import { AdminTransaction, type AdminChange } from './admin-transaction.js';
import type { AdminEffects } from './resource.js';

export interface AdminTransactionOptions {
  actor: AdminActor;
  /** Check and compute every change, then roll it all back: what would change. */
  dryRun?: boolean;
}

export interface AdminTransactionResult<T> {
  result: T;
  /** What changed (or, on a dry run, would have), in order; empty when nothing differed. */
  changes: AdminChange[];
  dryRun: boolean;
}

/** Thrown to roll a dry run back once it has computed everything. */
class DryRunRollback<T> extends Error {
  constructor(readonly outcome: AdminTransactionResult<T>) {
    super('dry run');
  }
}

/**
 * Administration of the company's configuration: generic audited resources (`./resources/`), each
 * change in the same transaction as its audit entry. Several changes run atomically through
 * `transaction` (configuration as code applies a whole file this way); one-change shortcuts wrap it.
 */
export class AdminService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly effects: AdminEffects,
  ) {}

  /** Runs `fn` in one transaction: all of its changes or none; effects (logouts, requeues) after the commit. */
  async transaction<T>(fn: (admin: AdminTransaction) => Promise<T>, options: AdminTransactionOptions): Promise<AdminTransactionResult<T>> {
    const dryRun = options.dryRun ?? false;
    const afterCommit: (() => Promise<void>)[] = [];
    let outcome: AdminTransactionResult<T>;
    try {
      outcome = await this.repo.transaction(async (tx) => {
        const admin = new AdminTransaction(
          { tx, actor: options.actor, effects: this.effects, afterCommit: (effect) => afterCommit.push(effect) },
          this.now,
        );
        const result = await fn(admin);
        const done = { result, changes: admin.changes, dryRun };
        if (dryRun) throw new DryRunRollback(done);
        return done;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.outcome as AdminTransactionResult<T>;
      throw error;
    }
    for (const effect of afterCommit) await effect();
    return outcome;
  }

  list(actor: AdminActor, resource: string): Promise<unknown[]> {
    return this.#one(actor, (admin) => admin.list(resource));
  }
  get(actor: AdminActor, resource: string, id: string): Promise<unknown> {
    return this.#one(actor, (admin) => admin.get(resource, id));
  }
  put(actor: AdminActor, resource: string, id: string, body: unknown): Promise<unknown> {
    return this.#one(actor, (admin) => admin.put(resource, id, body));
  }
  patch(actor: AdminActor, resource: string, id: string, body: unknown): Promise<unknown> {
    return this.#one(actor, (admin) => admin.patch(resource, id, body));
  }
  remove(actor: AdminActor, resource: string, id: string): Promise<void> {
    return this.#one(actor, (admin) => admin.remove(resource, id));
  }
  rotateIdentitySecret(actor: AdminActor, channelId: string): Promise<{ identitySecret: string }> {
    return this.#one(actor, (admin) => admin.rotateIdentitySecret(channelId));
  }

  /** The audit log, newest first; admins and owners only. */
  async audit(actor: AdminActor, query: AuditQuery): Promise<AuditEntry[]> {
    if (!hasRole(actor.role, 'admin')) throw forbidden('Reading the audit log needs the admin role or above.');
    return this.repo.listAudit(query);
  }

  async #one<T>(actor: AdminActor, fn: (admin: AdminTransaction) => Promise<T>): Promise<T> {
    return (await this.transaction(fn, { actor })).result;
  }
}
