import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-session/conecta-session.js';
import type { ConectaSession } from '../../src/elements/conecta-session/conecta-session.js';
import type { Session } from '../../src/protocol/index.js';
import { ana, bruno, conversationFixture, createMockClient, type MockClient } from '../fixtures/index.js';
import { $, settle, text } from './helpers.js';

async function sessionWith(client: MockClient): Promise<ConectaSession> {
  const el = await fixture<ConectaSession>(html`<conecta-session .client=${client} session-id="session-4"></conecta-session>`);
  await settle(el);
  return el;
}

const notice = (el: ConectaSession) => text($(el, '[part="notice"]'));
const tool = (el: ConectaSession, name: string) => $(el, `[data-tool="${name}"]`) as HTMLButtonElement;

async function transferToSuporte(el: ConectaSession): Promise<void> {
  tool(el, 'transfer').click();
  await settle(el);
  ($(el, 'dialog form') as HTMLFormElement).requestSubmit();
  await settle(el, 5);
}

/** The session as another agent's action (or the queue) left it: a newer version, pushed as an event. */
function pushSession(client: MockClient, id: string, change: Partial<Session>): void {
  const held = client.serverState.sessions[id];
  client.push({ session: { ...held, ...change, version: held.version + 1 } });
}

describe('<conecta-session> notices belong to the session they are about', () => {
  it('drops the transfer notice when the agent opens another session', async () => {
    const el = await sessionWith(createMockClient(conversationFixture()));
    await transferToSuporte(el);
    expect(notice(el)).to.equal('Atendimento transferido para Suporte. Ele não está mais com você.');
    el.sessionId = 'session-5';
    await settle(el);
    expect(notice(el)).to.equal('');
  });

  it('drops the transfer notice when the session comes back to the agent', async () => {
    const client = createMockClient(conversationFixture());
    const el = await sessionWith(client);
    await transferToSuporte(el);
    expect(notice(el)).to.not.equal('');
    pushSession(client, 'session-4', { status: 'active', agentId: ana.id, targetAgentId: null });
    await settle(el);
    expect(notice(el)).to.equal('');
  });

  it('drops "you left" once the agent is invited again', async () => {
    const state = conversationFixture();
    state.sessions = { ...state.sessions, 'session-4': { ...state.sessions['session-4'], invitedAgentIds: [bruno.id] } };
    const client = createMockClient({ ...state, me: bruno });
    const el = await sessionWith(client);
    tool(el, 'leave').click();
    await settle(el);
    expect(notice(el)).to.equal('Você saiu do atendimento.');
    pushSession(client, 'session-4', { invitedAgentIds: [bruno.id] });
    await settle(el);
    expect(notice(el)).to.equal('');
  });

  it('keeps the notice while the session stays as the action left it', async () => {
    const client = createMockClient(conversationFixture());
    const el = await sessionWith(client);
    tool(el, 'park').click();
    await settle(el);
    expect(notice(el)).to.equal('Atendimento deixado pendente.');
    // A new last message changes the session's version, not its status or who holds it.
    pushSession(client, 'session-4', { lastMessageAt: Date.now() });
    await settle(el);
    expect(notice(el)).to.equal('Atendimento deixado pendente.');
  });
});
