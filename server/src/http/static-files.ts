import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';

export interface StaticRoot {
  /** URL prefix, with slashes: `/` or `/dist/`. */
  prefix: string;
  /** Directory on disk. */
  root: string;
}

/**
 * Serves the demo pages and the built bundles. A missing directory (not built yet) is skipped with
 * a warning rather than failing the start; directory URLs (`/agent/`) answer their index.html.
 * Roots under one prefix are searched in their order (the first that has the file wins).
 */
export async function installStaticFiles(app: FastifyInstance, roots: readonly StaticRoot[]): Promise<void> {
  const rootsByPrefix = new Map<string, string[]>();
  for (const { prefix, root } of roots) {
    if (!existsSync(root)) {
      app.log.warn(`Static root ${root} does not exist (not built yet?); it is not served under ${prefix}.`);
      continue;
    }
    rootsByPrefix.set(prefix, [...(rootsByPrefix.get(prefix) ?? []), root]);
  }
  let first = true;
  for (const [prefix, dirs] of rootsByPrefix) {
    await app.register(fastifyStatic, {
      // One registration per prefix: Fastify refuses a second route for the same path.
      root: dirs.length === 1 ? dirs[0]! : dirs,
      prefix,
      index: ['index.html'],
      redirect: true,
      // The reply decorator (`reply.sendFile`) may only be added once.
      decorateReply: first,
    });
    first = false;
  }
}
