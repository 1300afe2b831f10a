import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from '../app.js';
import { ApplyFailed, applyCompanyFile } from '../config-as-code/apply-company.js';
import { InvalidCompanyFile } from '../config-as-code/config-error.js';
import { formatPlan } from '../config-as-code/print-plan.js';

const USAGE = 'Usage: conecta-server apply <company.yaml> [--dry-run]   (the database is DATABASE_URL, else in DATA_DIR, default ./data)\n';

/**
 * `conecta-server apply <file> [--dry-run]`: validates the company file (every error at once), prints
 * the diff against the database in DATA_DIR, and applies it in one transaction. Exit code 0: applied
 * or nothing to change; 1: the file is invalid or applying it failed (nothing was written); 2: usage.
 */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const file = resolve(parsed.positionals[0]!);
  const dryRun = parsed.values['dry-run'] === true;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }

  // The whole server, never listening: the same services (and audit log) as the admin API's.
  const server = await createServer({
    dataDir: resolve(process.env.DATA_DIR ?? './data'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    expireEveryMs: 0,
  });
  try {
    const result = await applyCompanyFile(server, text, { fileName: basename(file), env: process.env, dryRun });
    if (result.changes.length) process.stdout.write(`${formatPlan(result.changes)}\n`);
    const writes = result.changes.filter((change) => change.action !== 'keep').length;
    if (writes === 0) process.stdout.write('No changes.\n');
    else if (dryRun) process.stdout.write(`Dry run: ${writes} change(s) to apply; nothing was written.\n`);
    else process.stdout.write(`Applied ${writes} change(s).\n`);
    return 0;
  } catch (error) {
    if (error instanceof InvalidCompanyFile) {
      process.stderr.write(`${error.message}\n${error.errors.length} error(s); nothing was written.\n`);
    } else if (error instanceof ApplyFailed) {
      process.stderr.write(`${error.message}\nNothing was written.\n`);
    } else {
      process.stderr.write(`Applying ${basename(file)} failed, nothing was written: ${(error as Error).message}\n`);
    }
    return 1;
  } finally {
    await server.close();
  }
}
