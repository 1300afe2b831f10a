import type { Server, Socket } from 'socket.io';
import type { Agent, CommandName, CommandResults, ParsedPayload, Session } from '../../../src/protocol/index.js';
import { forbidden } from '../domain/errors.js';
import type { Identity } from '../domain/identity.js';
import type { Services } from '../domain/services.js';
import { agentMaySee } from '../domain/session-access.js';
import { withVisitorContact } from '../domain/visitor-contact.js';
import { AGENTS_ROOM, agentRoom, sessionRoom, visitorRoom } from './rooms.js';
import { refreshToken } from './token-refresh.js';

interface CommandContext {
  who: Identity;
  /** Loaded fresh for every command of an agent, so membership changes apply at once. */
  agent: Agent | null;
  socket: Socket;
  io: Server;
  services: Services;
}

type Handler<N extends CommandName> = (ctx: CommandContext, payload: ParsedPayload<N>) => Promise<CommandResults[N]>;

/** What each command does once its payload is valid and its sender is of the right kind. */
export const commandHandlers: { [N in CommandName]: Handler<N> } = {
  'auth.refresh': async (ctx, { token }) => refreshToken(ctx.socket, ctx.who, ctx.services, token),

  'agent.snapshot': async (ctx) => {
    const agent = requireAgent(ctx);
    const [snapshot, availability, loggedInTodayMs] = await Promise.all([
      ctx.services.sessions.snapshot(agent),
      ctx.services.availability.of(agent.id),
      ctx.services.availability.loggedInTodayMs(agent.id),
    ]);
    return { ...snapshot, availability, loggedInTodayMs };
  },

  'queue.page': async (ctx, payload) => ctx.services.sessions.waitingPage(requireAgent(ctx), payload),

  'agent.pause': async (ctx, { pauseTypeId }) => ctx.services.availability.pause(requireAgent(ctx), pauseTypeId),

  'agent.resume': async (ctx) => ctx.services.availability.resume(requireAgent(ctx)),

  'agent.stats': async (ctx) => ctx.services.availability.stats(requireAgent(ctx)),

  'agent.profile': async (ctx, payload) => ctx.services.profile.update(requireAgent(ctx), payload),

  'agent.password': async (ctx, payload) => {
    const agent = requireAgent(ctx);
    if (ctx.who.kind !== 'agent') throw forbidden('Only agents can send this command.');
    return ctx.services.profile.changePassword(agent, payload, ctx.who.tokenHash);
  },

  'session.start': async (ctx, payload) => ctx.services.conversations.start(requireAgent(ctx), ctx.who, payload),

  'session.accept': async (ctx, { sessionId }) => ctx.services.sessions.accept(requireAgent(ctx), sessionId),

  'session.finish': async (ctx, { sessionId }) => ctx.services.sessions.finish(requireAgent(ctx), sessionId),

  'session.sync': async (ctx, payload) => {
    const result = await ctx.services.sessions.sync(ctx.who, ctx.agent, payload);
    // From now on this connection receives the session's messages (rooms last as long as it).
    await ctx.socket.join(sessionRoom(payload.sessionId));
    return result;
  },

  'session.older': async (ctx, payload) => ctx.services.sessions.older(ctx.who, ctx.agent, payload),

  'message.send': async (ctx, payload) => ctx.services.messages.send(ctx.who, ctx.agent, payload),

  'message.sendTemplate': async (ctx, payload) => ctx.services.messages.sendTemplate(requireAgent(ctx), ctx.who, payload),

  'message.receipt': async (ctx, payload) => ctx.services.messages.receipt(ctx.who, ctx.agent, payload),

  'session.typing': async (ctx, { sessionId, typing }) => {
    const { session, author } = await ctx.services.messages.typingAuthor(ctx.who, ctx.agent, sessionId);
    // Relayed, never stored; every socket of the session but the sender's.
    const rooms = [sessionRoom(session.id), ...session.invitedAgentIds.map(agentRoom)];
    if (session.agentId) rooms.push(agentRoom(session.agentId));
    if (ctx.who.kind === 'agent' && session.channel === 'webchat') rooms.push(visitorRoom(session.contactId));
    const event = { sessionId: session.id, authorKind: author.kind, authorId: author.id, authorName: author.name, typing };
    // A visitor's other tabs and devices follow the session too, but need not hear their own typing.
    if (ctx.who.kind === 'visitor') ctx.socket.to(rooms).except(visitorRoom(ctx.who.contactId)).emit('session.typing', event);
    else ctx.socket.to(rooms).emit('session.typing', event);
    return {};
  },

  'agent.catalog': async (ctx) => {
    const online = new Set<string>();
    for (const socket of await ctx.io.in(AGENTS_ROOM).fetchSockets()) {
      const who = socket.data.who as Identity | undefined;
      if (who?.kind === 'agent') online.add(who.agentId);
    }
    return ctx.services.catalog.catalog(requireAgent(ctx), online);
  },

  'chat.list': async (ctx) => ctx.services.chat.list(requireAgent(ctx)),

  'chat.history': async (ctx, payload) => ctx.services.chat.history(requireAgent(ctx), payload),

  'chat.send': async (ctx, payload) => ctx.services.chat.send(requireAgent(ctx), payload),

  'chat.read': async (ctx, payload) => ctx.services.chat.read(requireAgent(ctx), payload),

  'queue.search': async (ctx, payload) => ctx.services.sessions.search(requireAgent(ctx), payload),

  'session.park': async (ctx, { sessionId }) => ctx.services.sessions.park(requireAgent(ctx), sessionId),

  'session.rescue': async (ctx, { sessionIds }) => ctx.services.sessions.rescue(requireAgent(ctx), sessionIds),

  'session.finishMany': async (ctx, { sessionIds }) => ctx.services.sessions.finishMany(requireAgent(ctx), sessionIds),

  'session.transfer': async (ctx, payload) => {
    const { session, contact, lostAccess } = await ctx.services.sessions.transfer(requireAgent(ctx), payload);
    await leaveIfNoLongerAllowed(ctx, session, lostAccess);
    return { session, contact };
  },

  'session.invite': async (ctx, { sessionId, agentId }) => {
    const result = await ctx.services.sessions.invite(requireAgent(ctx), sessionId, agentId);
    // Every socket of the invitee follows the session from now on.
    ctx.io.in(agentRoom(agentId)).socketsJoin(sessionRoom(sessionId));
    return result;
  },

  'session.leave': async (ctx, { sessionId }) => {
    const agent = requireAgent(ctx);
    const result = await ctx.services.sessions.leave(agent, sessionId);
    await leaveIfNoLongerAllowed(ctx, result.session, [agent.id]);
    return result;
  },

  'session.setTags': async (ctx, { sessionId, tagIds }) => ctx.services.sessions.setTags(requireAgent(ctx), sessionId, tagIds),

  'contact.history': async (ctx, payload) => ctx.services.sessions.history(requireAgent(ctx), payload),

  'contact.gallery': async (ctx, payload) => ctx.services.sessions.gallery(requireAgent(ctx), payload),

  'note.list': async (ctx, { contactId }) => {
    requireAgent(ctx);
    return ctx.services.notes.list(contactId);
  },

  'note.save': async (ctx, payload) => ctx.services.notes.save(requireAgent(ctx), payload),

  'note.delete': async (ctx, { noteId }) => {
    requireAgent(ctx);
    return ctx.services.notes.delete(noteId);
  },

  'contact.get': async (ctx, { contactId }) => ({ contact: await ctx.services.contacts.get(contactId) }),

  'contact.save': async (ctx, payload) => ({ contact: await ctx.services.contacts.save(payload, requireAgent(ctx)) }),

  'contact.search': async (ctx, payload) => ctx.services.contacts.search(payload),

  'contact.settings': async (ctx) => ctx.services.contacts.settings(),

  'contact.cep': async (ctx, { cep }) => ({ address: await ctx.services.contacts.lookUpCep(cep) }),

  'webchat.sessions': async (ctx) => withVisitorContact(await ctx.services.webchat.sessionsOf(requireVisitor(ctx))),

  'webchat.start': async (ctx, payload) => {
    const visitor = requireVisitor(ctx);
    const result = await ctx.services.webchat.start(visitor, payload);
    // Every tab and device of this contact follows the new session.
    ctx.io.in(visitorRoom(visitor.contactId)).socketsJoin(sessionRoom(result.session.id));
    return withVisitorContact(result);
  },

  'webchat.finish': async (ctx, { sessionId }) =>
    withVisitorContact(await ctx.services.sessions.finishByVisitor(requireVisitor(ctx), sessionId)),

  'webchat.rate': async (ctx, payload) => withVisitorContact(await ctx.services.sessions.rate(requireVisitor(ctx), payload)),
};

/** Agents who lost a session (transfer, leave) stop receiving its messages, unless they may still see it. */
async function leaveIfNoLongerAllowed(ctx: CommandContext, session: Session, agentIds: readonly string[]): Promise<void> {
  for (const agentId of new Set(agentIds)) {
    const agent = await ctx.services.teams.agent(agentId).catch(() => null);
    if (!agent || !agentMaySee(agent, session)) ctx.io.in(agentRoom(agentId)).socketsLeave(sessionRoom(session.id));
  }
}

function requireAgent(ctx: CommandContext): Agent {
  if (!ctx.agent) throw forbidden('Only agents can send this command.');
  return ctx.agent;
}

function requireVisitor(ctx: CommandContext) {
  if (ctx.who.kind !== 'visitor') throw forbidden('Only webchat visitors can send this command.');
  return ctx.who;
}
