import type { Message, MessageFailure } from '../protocol/entities.js';
import type { ConectaState } from './state.js';

/**
 * Agents' messages a channel refused after the server stored them (WhatsApp's Graph API said no).
 * Agent-side only: a webchat visitor's messages never fail that way, so its bundle holds none of this.
 * A refusal is final: the message shows `failed` with the reason, as a local failure does, and keeps
 * its seq (so its place, and the resync's position).
 */
export function markRefused(state: ConectaState, sessionId: string, messageId: string, failure: MessageFailure): ConectaState {
  const list = state.messages[sessionId];
  const index = list?.findIndex((held) => held.id === messageId) ?? -1;
  if (!list || index < 0 || (list[index].status === 'failed' && list[index].failure)) return state;
  const next = [...list];
  next[index] = { ...list[index], failure, status: 'failed', errorCode: failure.code, error: failure.message };
  return { ...state, messages: { ...state.messages, [sessionId]: next } };
}

/** The refusals carried by a command's answer (`session.sync`, `session.older`), after its messages were merged. */
export function absorbFailures(state: ConectaState, messages: readonly Message[]): ConectaState {
  let next = state;
  for (const message of messages) if (message.failure) next = markRefused(next, message.sessionId, message.id, message.failure);
  return next;
}
