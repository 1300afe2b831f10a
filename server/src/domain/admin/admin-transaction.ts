import * as v from 'valibot';
import { fieldErrors } from '../../../../src/protocol/index.js';
import { ResourceId } from '../../admin/schemas.js';
import type { Repository } from '../../db/repository.js';
import { isConstraintViolation } from '../../db/sql-runner.js';
import { CommandError, forbidden, notFound } from '../errors.js';
import type { Clock } from '../events.js';
import { hasRole } from '../roles.js';
import { newToken } from '../secrets.js';
import { canonicalJson } from './canonical-json.js';
import type { AnyResource, ChangeContext } from './resource.js';
import { invalidFields } from './resource.js';
import { ADMIN_RESOURCES, isAdminResourceName, type AdminResourceName } from './resources/index.js';

/** One change as the audit log keeps it and a dry run reports it: views, so never a secret. */
export interface AdminChange {
  action: string;
  resource: string;
  resourceId: string;
  before: unknown;
  after: unknown;
}

/** The resource named in a path (`agents`, `webchat-channels`, …). */
function resourceOf(name: string): AnyResource {
  if (!isAdminResourceName(name)) throw notFound(`resource "${name}"`);
  return ADMIN_RESOURCES[name];
}

function parse<T>(schema: v.GenericSchema<unknown, T>, body: unknown): T {
  const result = v.safeParse(schema, body);
  if (!result.success) throw new CommandError('INVALID_PAYLOAD', 'The request body is not valid.', fieldErrors(result.issues));
  return result.output;
}

/** A database constraint the checks did not foresee (a team still holding sessions): a conflict, not a crash. */
async function asConflict<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isConstraintViolation(error)) {
      throw new CommandError(
        'CONFLICT',
        `The ${what} cannot be changed this way: other records depend on it (${(error as Error).message}).`,
      );
    }
    throw error;
  }
}

/**
 * The administrative changes of one open transaction, all audited in it: list, get, put (create or
 * replace by id), patch, remove, and a webchat channel's secret rotation. Every write checks the
 * actor's role, validates the whole resulting record, and appends its audit entry.
 */
export class AdminTransaction {
  readonly changes: AdminChange[] = [];

  constructor(
    private readonly context: ChangeContext,
    private readonly now: Clock,
  ) {}

  get #tx(): Repository {
    return this.context.tx;
  }

  async list(name: AdminResourceName | string): Promise<unknown[]> {
    const resource = this.#readable(name);
    return (await resource.store(this.#tx).list()).map((record) => resource.view(record) as unknown);
  }

  async get(name: AdminResourceName | string, id: string): Promise<unknown> {
    const resource = this.#readable(name);
    const record = await resource.store(this.#tx).get(id);
    if (!record) throw notFound(resource.name);
    return resource.view(record);
  }

  /** Creates or replaces the resource `id` with `body` (a whole input; what it leaves out takes its default). */
  async put(name: AdminResourceName | string, id: string, body: unknown): Promise<unknown> {
    const resource = this.#writable(name);
    const { id: checkedId } = parse(v.object({ id: ResourceId }), { id });
    const input = parse(resource.input, body);
    const before = await resource.store(this.#tx).get(checkedId);
    return this.#write(resource, before, resource.toRecord(checkedId, input, before));
  }

  /** Changes the fields `body` names; the result is validated whole, as a put. */
  async patch(name: AdminResourceName | string, id: string, body: unknown): Promise<unknown> {
    const resource = this.#writable(name);
    const before = await resource.store(this.#tx).get(id);
    if (!before) throw notFound(resource.name);
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidFields({ '(payload)': 'must be an object' });
    const input = parse(resource.input, { ...resource.toInput(before), ...body });
    return this.#write(resource, before, resource.toRecord(id, input, before));
  }

  async remove(name: AdminResourceName | string, id: string): Promise<void> {
    const resource = this.#writable(name);
    if (resource.removable === false) {
      throw new CommandError(
        'CONFLICT',
        `A ${resource.name} cannot be removed${resource.name === 'agent' ? ': deactivate it instead' : ''}.`,
      );
    }
    const store = resource.store(this.#tx);
    const before = await store.get(id);
    if (!before) throw notFound(resource.name);
    await resource.check?.(this.context, before, null);
    await asConflict(resource.name, () => store.remove(id));
    await this.#audit(resource, 'delete', id, before, null);
  }

  /** A new identity-verification secret for the webchat channel, answered this once (the old one stops working). */
  async rotateIdentitySecret(channelId: string): Promise<{ identitySecret: string }> {
    const resource = this.#writable('webchat-channels');
    const store = this.#tx.admin.webchatChannels;
    const before = await store.get(channelId);
    if (!before) throw notFound(resource.name);
    const identitySecret = newToken('idv');
    const after = { ...before, secret: identitySecret };
    await store.put(after);
    await this.#audit(resource, 'rotate-secret', channelId, before, after);
    return { identitySecret };
  }

  async #write(resource: AnyResource, before: { id: string } | null, after: { id: string }): Promise<unknown> {
    // Applying the same configuration twice changes nothing, and logs nothing.
    if (before && canonicalJson(before) === canonicalJson(after)) return resource.view(after);
    await resource.check?.(this.context, before, after);
    await asConflict(resource.name, () => resource.store(this.#tx).put(after));
    await resource.written?.(this.context, before, after);
    await this.#audit(resource, resource.actionOf?.(before, after) ?? (before ? 'update' : 'create'), after.id, before, after);
    return resource.view(after);
  }

  async #audit(resource: AnyResource, action: string, id: string, before: unknown, after: unknown): Promise<void> {
    const change: AdminChange = {
      action,
      resource: resource.name,
      resourceId: id,
      before: before === null ? null : resource.view(before),
      after: after === null ? null : resource.view(after),
    };
    this.changes.push(change);
    await this.#tx.insertAudit({ at: this.now(), actor: this.context.actor.audit, ...change });
  }

  #readable(name: string): AnyResource {
    const resource = resourceOf(name);
    if (!hasRole(this.context.actor.role, resource.readRole))
      throw forbidden(`Reading ${name} needs the ${resource.readRole} role or above.`);
    return resource;
  }

  #writable(name: string): AnyResource {
    const resource = resourceOf(name);
    if (!hasRole(this.context.actor.role, resource.writeRole))
      throw forbidden(`Changing ${name} needs the ${resource.writeRole} role or above.`);
    return resource;
  }
}
