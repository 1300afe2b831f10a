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
 * Rollup's chunks (rollup.config.mjs: `chunks/[name]-[hash].js` in dist/esm, `webchat/[name]-[hash].js`
 * and `agent/[name]-[hash].js` in dist/cdn; the hash is 8 base64url characters): a new build gives
 * changed content a new name.
 */
const CONTENT_HASHED = /[\\/](?:chunks|webchat|agent)[\\/][^\\/]+-[\w-]{8}\.js(?:\.map)?$/;
const ONE_YEAR_SECONDS = 31_536_000;
/** Where the built elements are served; everything else (pages, their scripts) is edited in place. */
const BUILT_PREFIX = '/dist/';
/** The CDN loaders keep their names across releases: a page picks up a new release within minutes. */
const LOADER_SECONDS = 300;

/**
 * How long a browser or CDN may keep a file: a hashed chunk forever, a built file whose name stays
 * (the loader) a few minutes, pages and anything else only after asking again (cheap: ETag, 304).
 */
export function cacheControlFor(prefix: string, path: string): string {
  if (!prefix.startsWith(BUILT_PREFIX) || path.endsWith('.html')) return 'no-cache';
  // A compressed copy (`x.js.br`) is cached as the file it stands for.
  const file = path.replace(/\.(?:br|gz)$/, '');
  return CONTENT_HASHED.test(file) ? `public, max-age=${ONE_YEAR_SECONDS}, immutable` : `public, max-age=${LOADER_SECONDS}`;
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
      cacheControl: false,
      // The build leaves brotli (quality 11) and gzip copies beside the built files (build/precompress.mjs):
      // sent as they are, smaller than compressing each answer with @fastify/compress's fast settings.
      preCompressed: prefix.startsWith(BUILT_PREFIX),
      setHeaders: (response, path) => {
        response.setHeader('cache-control', cacheControlFor(prefix, path));
        // The answer depends on Accept-Encoding (a compressed copy, or the file): caches must keep them apart.
        if (prefix.startsWith(BUILT_PREFIX)) response.setHeader('vary', 'Accept-Encoding');
      },
      // The reply decorator (`reply.sendFile`) may only be added once.
      decorateReply: first,
    });
    first = false;
  }
}
