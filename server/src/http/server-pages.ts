import type { FastifyInstance } from 'fastify';

/** Pages of the server itself (server/public/): own scripts and styles only, never framed, no Referer. */
const SERVER_PAGE_CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const SERVER_PAGES = ['/set-password/'];

/**
 * The set-password page holds a one-time token (in the URL's fragment): a strict policy keeps
 * injected scripts and framing away from it, wherever the page is served from (demo or production).
 */
export function installServerPageHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0]!;
    if (SERVER_PAGES.some((page) => path.startsWith(page))) {
      reply.header('content-security-policy', SERVER_PAGE_CSP);
      reply.header('referrer-policy', 'no-referrer');
    }
    return payload;
  });
}
