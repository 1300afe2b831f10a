import type { Change, FieldChange } from './plan.js';

const SYMBOL = { create: '+', update: '~', remove: '-', keep: '=' } as const;

/** Secrets show only that they are set or change, never their value. */
function show(value: unknown, secret: boolean): string {
  if (secret) return value === undefined || value === null || value === '' ? '(none)' : '(secret)';
  return value === undefined ? '(none)' : JSON.stringify(value);
}

function fieldLine(change: FieldChange, created: boolean): string {
  const after = show(change.after, change.secret);
  return created ? `    ${change.field}: ${after}` : `    ${change.field}: ${show(change.before, change.secret)} → ${after}`;
}

/**
 * The diff a person reads before applying: `+` created, `~` changed (field by field), `-` removed,
 * `=` in the database but not in the file and kept. Secrets are never printed.
 */
export function formatPlan(changes: readonly Change[]): string {
  const lines: string[] = [];
  for (const change of changes) {
    const head = `${SYMBOL[change.action]} ${change.section} ${change.id}`;
    if (change.action === 'create' || change.action === 'update') {
      lines.push(head, ...change.fields.map((field) => fieldLine(field, change.action === 'create')));
    } else if (change.action === 'remove') lines.push(`${head} (removed: not in the file, and the file prunes ${change.section})`);
    else lines.push(`${head} (kept: ${change.reason})`);
  }
  return lines.join('\n');
}
