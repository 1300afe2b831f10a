import { emptyContactRecord, newSession, type Session } from '../../src/protocol/index.js';
import type { Repository } from '../../server/src/db/repository.js';

/**
 * Puts `count` sessions waiting for `teamId` straight into the database, each with a contact of its
 * own and a last message as a visitor writes it: a long queue in a second, for the snapshot's tests
 * and benchmark. Sessions are a second apart, from `startAt`; ids are `${prefix}-00001`…
 */
export async function fillQueue(
  repo: Repository,
  { teamId, count, startAt, prefix = 'sq' }: { teamId: string; count: number; startAt: number; prefix?: string },
): Promise<Session[]> {
  const sessions: Session[] = [];
  await repo.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const n = String(i + 1).padStart(5, '0');
      const at = startAt + i * 1000;
      await tx.insertContact({
        id: `${prefix}-ct-${n}`,
        name: `Cliente da fila ${n}`,
        email: `cliente.${prefix}.${n}@example.com`,
        phone: `+55119${n.padStart(8, '0')}`,
        document: null,
        ...emptyContactRecord(),
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
      const session: Session = {
        ...newSession({
          id: `${prefix}-${n}`,
          protocol: `${prefix}-${n}`,
          channel: 'webchat',
          channelKey: 'demo',
          teamId,
          contactId: `${prefix}-ct-${n}`,
          createdAt: at,
        }),
        lastSeq: 1,
        lastMessageAt: at,
        lastMessageText: 'Olá, preciso de ajuda com o meu pedido, ele ainda não chegou.',
        lastInboundAt: at,
      };
      await tx.insertSession(session);
      sessions.push(session);
    }
  });
  return sessions;
}
