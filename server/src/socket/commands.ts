import type { Server, Socket } from 'socket.io';
import type { Agent, CommandName, CommandResults, ParsedPayload } from '../../../src/protocol/index.js';
import { forbidden } from '../domain/errors.js';
import type { Identity } from '../domain/identity.js';
import type { Services } from '../domain/services.js';
import { sessionRoom, visitorRoom } from './rooms.js';

export interface CommandContext {
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
  'agent.snapshot': async (ctx) => ctx.services.sessions.snapshot(requireAgent(ctx)),

  'session.accept': async (ctx, { sessionId }) => ctx.services.sessions.accept(requireAgent(ctx), sessionId),

  'session.finish': async (ctx, { sessionId }) => ctx.services.sessions.finish(requireAgent(ctx), sessionId),

  'session.sync': async (ctx, { sessionId, afterSeq }) => {
    const result = await ctx.services.sessions.sync(ctx.who, ctx.agent, sessionId, afterSeq);
    // From now on this connection receives the session's messages (rooms last as long as it).
    await ctx.socket.join(sessionRoom(sessionId));
    return result;
  },

  'message.send': async (ctx, payload) => ctx.services.messages.send(ctx.who, ctx.agent, payload),

  'contact.get': async (ctx, { contactId }) => ({ contact: await ctx.services.contacts.get(contactId) }),

  'contact.save': async (ctx, payload) => ({ contact: await ctx.services.contacts.save(payload) }),

  'webchat.sessions': async (ctx) => ctx.services.webchat.sessionsOf(requireVisitor(ctx)),

  'webchat.start': async (ctx, payload) => {
    const visitor = requireVisitor(ctx);
    const { session, contact } = await ctx.services.webchat.start(visitor, payload);
    // Every tab of this visitor follows the new session.
    ctx.io.in(visitorRoom(visitor.visitorId)).socketsJoin(sessionRoom(session.id));
    return { session, contact };
  },
};

function requireAgent(ctx: CommandContext): Agent {
  if (!ctx.agent) throw forbidden('Only agents can send this command.');
  return ctx.agent;
}

function requireVisitor(ctx: CommandContext) {
  if (ctx.who.kind !== 'visitor') throw forbidden('Only webchat visitors can send this command.');
  return ctx.who;
}
