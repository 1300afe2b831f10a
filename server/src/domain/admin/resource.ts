import type * as v from 'valibot';
import type { AgentRole } from '../../../../src/protocol/index.js';
import type { RecordStore, Repository } from '../../db/repository.js';
import { CommandError } from '../errors.js';
import type { AdminActor } from './actor.js';

/** What a change's checks and effects may use: the open transaction and who is changing things. */
export interface ChangeContext {
  tx: Repository;
  actor: AdminActor;
  /** Runs `effect` once the transaction is committed (never on a dry run or a rollback). */
  afterCommit(effect: () => Promise<void>): void;
  effects: AdminEffects;
}

/** What administrative changes set off in the rest of the server, after their commit. */
export interface AdminEffects {
  /** Ends every login of the agent (its sockets get `auth.ended` with the reason and close). */
  revokeAgent(agentId: string, reason: 'deactivated'): Promise<void>;
  /** The agent's active, pending and awaited sessions go back to their teams, waiting. */
  returnSessionsToTeams(agentId: string): Promise<void>;
}

/**
 * One administered resource: how its input becomes a stored record, what the API shows of a record
 * (also what the audit log keeps: no secrets), and who may do what. The generic service
 * (`AdminTransaction`) does the rest: validation, create-or-replace, patch, remove, audit.
 */
export interface ResourceDefinition<R extends { id: string }, I, V> {
  /** The resource's name in the audit log and in the URL (`agent` → `/agents`). */
  name: string;
  /** The body of a create-or-replace. */
  input: v.GenericSchema<unknown, I>;
  store(tx: Repository): RecordStore<R>;
  /** The record an input makes; `before` (the stored one) keeps what the input leaves out (write-only secrets). */
  toRecord(id: string, input: I, before: R | null): R;
  /** A stored record as an input again: a patch is merged into it and validated whole. */
  toInput(record: R): Record<string, unknown>;
  /** What callers and the audit log see. */
  view(record: R): V;
  /** The view's shape, for the OpenAPI document. */
  viewSchema: v.GenericSchema;
  /** The least role that may read, and that may write. */
  readRole: AgentRole;
  writeRole: AgentRole;
  /** Further rules on a change (references, roles for particular values); throw a CommandError to refuse. */
  check?(context: ChangeContext, before: R | null, after: R | null): Promise<void>;
  /** Side effects of a write (run inside the transaction; schedule work after it with `afterCommit`). */
  written?(context: ChangeContext, before: R | null, after: R): Promise<void>;
  /** The audit log's action for a write, when not plain `create`/`update` (e.g. `deactivate`). */
  actionOf?(before: R | null, after: R): string | undefined;
  /** Refuses removal (e.g. agents are deactivated, never deleted). */
  removable?: boolean;
}

/** Typed at the definition, erased in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResource = ResourceDefinition<any, any, any>;

export const defineResource = <R extends { id: string }, I, V>(definition: ResourceDefinition<R, I, V>) => definition;

export const invalidFields = (fields: Record<string, string>) =>
  new CommandError('INVALID_PAYLOAD', 'The request body is not valid.', fields);

/** `id` (unless null) names a stored record of `store`; else a 400 on `field`. */
export async function requireExisting(store: RecordStore<{ id: string }>, id: string | null, field: string, what: string): Promise<void> {
  if (id !== null && !(await store.get(id))) throw invalidFields({ [field]: `is not a ${what}` });
}

/** Every one of `ids` names a stored record of `store`; else a 400 on `field.<index>`. */
export async function requireAllExisting(
  store: RecordStore<{ id: string }>,
  ids: readonly string[],
  field: string,
  what: string,
): Promise<void> {
  for (const [index, id] of ids.entries()) await requireExisting(store, id, `${field}.${index}`, what);
}
