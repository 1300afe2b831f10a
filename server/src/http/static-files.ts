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
 */
export async function installStaticFiles(app: FastifyInstance, roots: readonly StaticRoot[]): Promise<void> {
  let first = true;
  for (const { prefix, root } of roots) {
    if (!existsSync(root)) {
      app.log.warn(`Static root ${root} does not exist (not built yet?); ${prefix} is not served.`);
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix,
      index: ['index.html'],
      redirect: true,
      // The reply decorator (`reply.sendFile`) may only be added once.
      decorateReply: first,
    });
    first = false;
  }
}
