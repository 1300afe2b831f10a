import type { FastifyInstance } from 'fastify';

/**
 * For the pages the server itself serves (server/public/: the landing page, set-password): scripts,
 * styles, images and connections from this server only, no inline code, never framed. The elements'
 * styles are adopted stylesheets, which a CSP does not block.
 */
export const STRICT_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Pages holding a one-time secret (the set-password link's token): strict wherever they are served, the demo too. */
const ALWAYS_STRICT_PREFIXES = ['/set-password/'];

/** The built elements: loaded by every customer's site, so readable from anywhere. */
const EMBEDDABLE_PREFIX = '/dist/';

export interface SecurityHeaderOptions {
  /** Send STRICT_PAGE_CSP with every HTML page. */
  strictPages: boolean;
}

/**
 * Headers by what a response is: HTML pages get the strict policy (when asked), the built elements
 * stay embeddable on other sites, and nothing is sniffed into another type.
 */
export function installSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (request.url.startsWith(EMBEDDABLE_PREFIX)) {
      reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
    } else if (
      ALWAYS_STRICT_PREFIXES.some((prefix) => request.url.startsWith(prefix)) ||
      (options.strictPages && String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
    ) {
      reply.header('content-security-policy', STRICT_PAGE_CSP).header('referrer-policy', 'no-referrer');
    }
    return payload;
  });
}
