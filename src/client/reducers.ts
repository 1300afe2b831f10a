import type { Agent, ClientMessage, Contact, Message, Session, Team } from '../protocol/index.js';
import type { ConectaState } from './state.js';

/** Keep the copy with the highest version: events and resyncs may arrive in any order. */
export function upsertSession(state: ConectaState, session: Session): ConectaState {
  const current = state.sessions[session.id];
  if (current && current.version >= session.version) return state;
  return { ...state, sessions: { ...state.sessions, [session.id]: session } };
}

export function upsertContact(state: ConectaState, contact: Contact): ConectaState {
  const current = state.contacts[contact.id];
  if (current && current.version >= contact.version) return state;
  return { ...state, contacts: { ...state.contacts, [contact.id]: contact } };
}

export function setTeams(state: ConectaState, teams: readonly Team[]): ConectaState {
  return { ...state, teams: Object.fromEntries(teams.map((team) => [team.id, team])) };
}

function byOrder(a: ClientMessage, b: ClientMessage): number {
  // Unacknowledged messages have no seq yet: they go last, in the order they were written.
  const sa = a.status === 'sending' || a.status === 'failed' ? Infinity : a.seq;
  const sb = b.status === 'sending' || b.status === 'failed' ? Infinity : b.seq;
  return sa === sb ? a.createdAt - b.createdAt : sa - sb;
}

/**
 * Merge acknowledged messages into their sessions. A message already held (same id) is replaced
 * only if it was still sending; an identical one changes nothing, so the state stays the same object.
 */
export function mergeMessages(state: ConectaState, incoming: readonly Message[]): ConectaState {
  if (incoming.length === 0) return state;
  const touched = new Map<string, ClientMessage[]>();
  for (const message of incoming) {
    const list = touched.get(message.sessionId) ?? [...(state.messages[message.sessionId] ?? [])];
    const index = list.findIndex((held) => held.id === message.id);
    if (index >= 0 && list[index].status === 'sent') continue;
    const acknowledged: ClientMessage = { ...message, status: 'sent' };
    if (index >= 0) list[index] = acknowledged;
    else list.push(acknowledged);
    touched.set(message.sessionId, list);
  }
  if (touched.size === 0) return state;
  const messages = { ...state.messages };
  for (const [sessionId, list] of touched) messages[sessionId] = list.sort(byOrder);
  return { ...state, messages };
}

/** A message the user just wrote, shown at once while its command travels. */
export function addLocalMessage(state: ConectaState, message: ClientMessage): ConectaState {
  const list = state.messages[message.sessionId] ?? [];
  if (list.some((held) => held.id === message.id)) return state;
  return { ...state, messages: { ...state.messages, [message.sessionId]: [...list, message].sort(byOrder) } };
}

/** Mark a local message failed (with the reason) or sending again (on retry). */
export function setLocalMessageStatus(
  state: ConectaState,
  sessionId: string,
  messageId: string,
  status: 'sending' | 'failed',
  error?: string,
): ConectaState {
  const list = state.messages[sessionId];
  const index = list?.findIndex((held) => held.id === messageId) ?? -1;
  if (!list || index < 0 || list[index].status === 'sent') return state;
  const next = [...list];
  next[index] = { ...list[index], status, error };
  return { ...state, messages: { ...state.messages, [sessionId]: next } };
}

/** The highest acknowledged seq held for a session: what a resync asks to continue from. */
export function lastSeqHeld(state: ConectaState, sessionId: string): number {
  const list = state.messages[sessionId] ?? [];
  let last = 0;
  for (const message of list) if (message.status === 'sent' && message.seq > last) last = message.seq;
  return last;
}

/**
 * Fold whatever entities a command's result carries into the state, so every command's answer
 * updates the store the same way an event would.
 */
export function absorbResult(state: ConectaState, data: unknown): ConectaState {
  if (typeof data !== 'object' || data === null) return state;
  const result = data as Partial<{
    agent: Agent;
    teams: Team[];
    contact: Contact | null;
    contacts: Contact[];
    session: Session;
    sessions: Session[];
    message: Message;
    messages: Message[];
  }>;
  let next = state;
  if (result.agent) next = { ...next, me: result.agent };
  if (result.teams) next = setTeams(next, result.teams);
  for (const contact of [...(result.contacts ?? []), ...(result.contact ? [result.contact] : [])]) {
    next = upsertContact(next, contact);
  }
  for (const session of [...(result.sessions ?? []), ...(result.session ? [result.session] : [])]) {
    next = upsertSession(next, session);
  }
  next = mergeMessages(next, [...(result.messages ?? []), ...(result.message ? [result.message] : [])]);
  return next;
}
