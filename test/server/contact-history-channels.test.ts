// contact.history's filters for a session's "other channels": one channel left out, open or finished only, paged.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { newSession, type ChannelKind, type Session, type SessionStatus } from '../../src/protocol/index.js';
import {
  ANA,
  BRUNO,
  DEMO_CHANNEL_KEY,
  DEMO_TEAMS,
  DEMO_WHATSAPP,
  T0,
  connectAgent,
  loginAgent,
  startTestServer,
  type TestServer,
  type TestSocket,
} from './harness.js';

const HOUR = 3600_000;

describe("contact.history for a session's other channels", () => {
  let t: TestServer;
  let ana: TestSocket;
  let bruno: TestSocket;
  let contactId: string;
  /** The contact's sessions by name, inserted as they would stand. */
  const sessions: Record<string, Session> = {};

  /** A session of the contact `hoursAgo` before T0 (later is newer). */
  async function insert(name: string, channel: ChannelKind, status: SessionStatus, teamId: string, hoursAgo: number): Promise<void> {
    const createdAt = T0 - hoursAgo * HOUR;
    const session: Session = {
      ...newSession({
        id: randomUUID(),
        protocol: `20261120-${String(Object.keys(sessions).length + 1).padStart(6, '0')}`,
        channel,
        channelKey: channel === 'whatsapp' ? DEMO_WHATSAPP.key : DEMO_CHANNEL_KEY,
        teamId,
        contactId,
        createdAt,
      }),
      status,
      finishedAt: status === 'finished' ? createdAt + HOUR / 2 : null,
    };
    await t.server.repo.insertSession(session);
    sessions[name] = session;
  }
  const ids = (list: Session[]) => list.map((session) => session.id);

  before(async () => {
    t = await startTestServer();
    ana = await connectAgent(t.url, await loginAgent(t.url, ANA));
    bruno = await connectAgent(t.url, await loginAgent(t.url, BRUNO));
    contactId = (await ana.ok('contact.save', { id: randomUUID(), name: 'Elisa Prado' })).contact.id;
    await insert('current', 'webchat', 'active', DEMO_TEAMS.suporte.id, 0);
    await insert('webchatFinished', 'webchat', 'finished', DEMO_TEAMS.suporte.id, 1);
    await insert('whatsappOpen', 'whatsapp', 'waiting', DEMO_TEAMS.suporte.id, 2);
    await insert('whatsappNewest', 'whatsapp', 'finished', DEMO_TEAMS.suporte.id, 3);
    await insert('whatsappVendas', 'whatsapp', 'finished', DEMO_TEAMS.vendas.id, 4);
    await insert('whatsappOldest', 'whatsapp', 'finished', DEMO_TEAMS.financeiro.id, 5);
  });
  after(async () => {
    ana.close();
    bruno.close();
    await t.close();
  });

  it('lists the finished sessions on the other channels, newest first, page by page', async () => {
    const first = await ana.ok('contact.history', { contactId, exceptChannel: 'webchat', state: 'finished', limit: 2 });
    assert.deepEqual(ids(first.sessions), [sessions.whatsappNewest!.id, sessions.whatsappVendas!.id]);
    assert.equal(first.hasMore, true);
    const before = first.sessions.at(-1)!.createdAt;
    const next = await ana.ok('contact.history', { contactId, exceptChannel: 'webchat', state: 'finished', before, limit: 2 });
    assert.deepEqual(ids(next.sessions), [sessions.whatsappOldest!.id]);
    assert.equal(next.hasMore, false);
  });

  it('lists the open sessions on the other channels alone', async () => {
    const open = await ana.ok('contact.history', { contactId, exceptChannel: 'webchat', state: 'open' });
    assert.deepEqual(ids(open.sessions), [sessions.whatsappOpen!.id]);
    const fromWhatsapp = await ana.ok('contact.history', { contactId, exceptChannel: 'whatsapp', state: 'open' });
    assert.deepEqual(ids(fromWhatsapp.sessions), [sessions.current!.id]);
  });

  it('without the filters still lists every session of every channel', async () => {
    const all = await ana.ok('contact.history', { contactId, limit: 100 });
    assert.equal(all.sessions.length, Object.keys(sessions).length);
  });

  it("keeps to the agent's teams without the history permission", async () => {
    const brunos = await bruno.ok('contact.history', { contactId, exceptChannel: 'webchat', state: 'finished' });
    assert.deepEqual(ids(brunos.sessions), [sessions.whatsappNewest!.id, sessions.whatsappOldest!.id], 'Bruno is not in Vendas');
  });

  it('refuses a state or channel it does not know', async () => {
    const state = await ana.command('contact.history', { contactId, state: 'closed' } as never);
    assert.equal(state.ok ? null : (state.error as { code: string }).code, 'INVALID_PAYLOAD');
    const channel = await ana.command('contact.history', { contactId, exceptChannel: 'fax' } as never);
    assert.equal(channel.ok ? null : (channel.error as { code: string }).code, 'INVALID_PAYLOAD');
  });
});
