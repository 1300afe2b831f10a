/**
 * Which entries an update changed in a record of the store (`sessions`), noted by what copies it
 * often (EntityBatch, once per frame under a busy queue): a selector deriving sorted lists from 10,000 sessions can then update them with the few
 * that changed instead of going over all of them again. Only transitions noted here are known; any
 * other copy of the record breaks the chain and the selector recomputes from scratch.
 */
const changes = new WeakMap<object, { from: object; ids: readonly string[] }>();

/** How many updates back a selector may catch up; further, recomputing is as cheap. */
const MAX_STEPS = 16;

/** Note that `record` is `from` with (at most) the entries `ids` added or replaced, none removed. */
export function noteChanges(record: object, from: object, ids: readonly string[]): void {
  changes.set(record, { from, ids });
}

/** The ids changed between `from` and `record` (a later copy of it), or null when that is not known. */
export function changesSince(record: object, from: object): Set<string> | null {
  const ids = new Set<string>();
  let step: object = record;
  for (let steps = 0; step !== from; steps++) {
    const change = changes.get(step);
    if (!change || steps === MAX_STEPS) return null;
    for (const id of change.ids) ids.add(id);
    step = change.from;
  }
  return ids;
}
