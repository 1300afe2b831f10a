import { isDeepStrictEqual } from 'node:util';
import type { ConfigPath } from './config-error.js';

/** A resource as the file wants it, or as the database has it: its id and its fields. */
export interface ResourceState {
  id: string;
  fields: Record<string, unknown>;
}

export interface DesiredResource extends ResourceState {
  /** Where the resource is written in the file. */
  path: ConfigPath;
  /** Fields whose value came from the environment: compared, never printed. */
  secretFields: ReadonlySet<string>;
}

export interface FieldChange {
  field: string;
  /** `undefined` on a create. */
  before: unknown;
  after: unknown;
  secret: boolean;
}

export type Change =
  | { action: 'create'; section: string; id: string; fields: FieldChange[] }
  | { action: 'update'; section: string; id: string; fields: FieldChange[] }
  /** In the database, not in the file, and the file prunes the section. */
  | { action: 'remove'; section: string; id: string }
  /** In the database, not in the file, kept: the file does not prune the section (or the resource is protected). */
  | { action: 'keep'; section: string; id: string; reason: string };

export interface SectionPlanInput {
  section: string;
  desired: readonly DesiredResource[];
  current: readonly ResourceState[];
  prune: boolean;
  /** Fields whose order means nothing (memberships): compared as sets. */
  unorderedFields?: readonly string[];
  /** Why a resource may not be pruned (e.g. an owner), or null. */
  protectedReason?: (current: ResourceState) => string | null;
}

/** JSON's view of a value: `undefined` and `null` are the same absence, key order does not matter. */
function normalize(value: unknown, unordered: boolean): unknown {
  const plain = value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
  if (unordered && Array.isArray(plain)) return [...plain].map((item) => JSON.stringify(item)).sort();
  return plain;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A changed mapping (`appearance`) shown by the keys that change in it: `appearance.color: "#0b6bcb" → "#13795b"`. */
function changedLeaves(field: string, before: unknown, after: unknown): FieldChange[] {
  if (!isPlainObject(before) || !isPlainObject(after)) return [{ field, before, after, secret: false }];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !isDeepStrictEqual(normalize(before[key], false), normalize(after[key], false)))
    .flatMap((key) => changedLeaves(`${field}.${key}`, before[key], after[key]));
}

/**
 * What it takes to bring one section of the database to what the file says: the resources to
 * create, the fields to change on the others (only the fields the file sets), and what the file
 * no longer lists — removed only where the file prunes that section.
 */
export function planSection(input: SectionPlanInput): Change[] {
  const unordered = new Set(input.unorderedFields ?? []);
  const current = new Map(input.current.map((resource) => [resource.id, resource]));
  const changes: Change[] = [];
  for (const wanted of input.desired) {
    const stored = current.get(wanted.id);
    const fields: FieldChange[] = [];
    for (const [field, after] of Object.entries(wanted.fields)) {
      const before = stored?.fields[field];
      if (stored && isDeepStrictEqual(normalize(before, unordered.has(field)), normalize(after, unordered.has(field)))) continue;
      if (!stored && after === undefined) continue;
      const secret = wanted.secretFields.has(field);
      fields.push(...(stored && !secret ? changedLeaves(field, before, after) : [{ field, before, after, secret }]));
    }
    if (!stored) changes.push({ action: 'create', section: input.section, id: wanted.id, fields });
    else if (fields.length) changes.push({ action: 'update', section: input.section, id: wanted.id, fields });
  }
  const listed = new Set(input.desired.map((resource) => resource.id));
  for (const stored of input.current) {
    if (listed.has(stored.id)) continue;
    const protectedReason = input.protectedReason?.(stored) ?? null;
    if (input.prune && protectedReason === null) changes.push({ action: 'remove', section: input.section, id: stored.id });
    else
      changes.push({
        action: 'keep',
        section: input.section,
        id: stored.id,
        reason: protectedReason ?? 'not in the file; add it to `prune` to remove it',
      });
  }
  return changes;
}
