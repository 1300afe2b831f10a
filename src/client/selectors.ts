import type { ClientMessage, Contact, Session } from '../protocol/entities.js';
import type { ConectaState } from './state.js';

const noMessages: readonly ClientMessage[] = [];

export const selectSession = (state: ConectaState, id: string | null | undefined): Session | undefined =>
  id ? state.sessions[id] : undefined;

export const selectContact = (state: ConectaState, id: string | null | undefined): Contact | undefined =>
  id ? state.contacts[id] : undefined;

export const selectMessages = (state: ConectaState, sessionId: string | null | undefined): readonly ClientMessage[] =>
  (sessionId && state.messages[sessionId]) || noMessages;

/**
 * Sessions waiting for the agent's teams (optionally one team), oldest first: those the store holds.
 * Of a long queue the server sends pages (`state.waitingQueue` says how far, and the counts).
 */
export function selectWaiting(state: ConectaState, teamId?: string | null): Session[] {
  const teamIds = new Set(state.me?.teamIds ?? []);
  return Object.values(state.sessions)
    .filter((s) => s.status === 'waiting' && teamIds.has(s.teamId) && (!teamId || s.teamId === teamId))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** The agent's own active sessions, most recent interaction first. */
export function selectActive(state: ConectaState, teamId?: string | null): Session[] {
  const me = state.me?.id;
  return Object.values(state.sessions)
    .filter((s) => s.status === 'active' && s.agentId === me && (!teamId || s.teamId === teamId))
    .sort((a, b) => (b.lastMessageAt ?? b.createdAt) - (a.lastMessageAt ?? a.createdAt));
}

/** A visitor's sessions on its channel, newest first. */
export function selectVisitorSessions(state: ConectaState): Session[] {
  const contactId = state.visitor?.contactId;
  return Object.values(state.sessions)
    .filter((s) => s.contactId === contactId)
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Shallow equality for arrays and plain objects of references: what selections compare with. */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
