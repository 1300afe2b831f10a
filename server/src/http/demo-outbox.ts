import type { FastifyInstance } from 'fastify';
import type { MemoryOutbox } from '../mail/memory-outbox.js';

/**
 * The demo's mailbox (demo/mailbox/): every mail the server "sent", newest first, links included, so a
 * newcomer can follow an invite or a reset without an SMTP server. Demo only: it shows anyone the
 * links that set passwords.
 */
export function installDemoOutbox(app: FastifyInstance, outbox: MemoryOutbox): void {
  app.get('/api/demo/outbox', async () => ({ mails: outbox.mails().reverse() }));
}
