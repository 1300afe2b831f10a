import type { FastifyInstance } from 'fastify';
import { identityHash } from '../domain/webchat.js';
import { DEMO_WEBCHAT_SECRET } from '../demo-company.js';

/**
 * The demo customer website's own backend (demo/site/): its "login" answers Maria with the
 * identity-verification hash, which only a server that knows the channel's secret can compute.
 */
const DEMO_SITE_USER = { id: 'maria-1001', name: 'Maria Souza', email: 'maria.souza@example.com', phone: '+5511987654321' };

/** What demo/site/strict-csp.html is served under: no inline script or style, no eval. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:";

export function installDemoSite(app: FastifyInstance): void {
  app.post('/site/login', async () => ({ ...DEMO_SITE_USER, hash: identityHash(DEMO_WEBCHAT_SECRET, DEMO_SITE_USER.id) }));
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.split('?')[0] === '/site/strict-csp.html') reply.header('content-security-policy', STRICT_CSP);
    return payload;
  });
}
