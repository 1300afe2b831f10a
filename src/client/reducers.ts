import type {
  Agent,
  AgentAvailability,
  AuthorKind,
  ClientMessage,
  Contact,
  Message,
  MessageStatus,
  Note,
  QueuePosition,
  Session,
  Team,
  Visitor,
} from '../protocol/entities.js';
import type { ServerEvents } from '../protocol/events.js';
import type { ProtocolError } from '../protocol/errors.js';
import type { Catalog, ConectaState, TypingIndicator } from './state.js';
import { setAvailability, setLoggedInToday } from './availability-reducers.js';
import { absorbFailures } from './message-failures.js';

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

/** Upsert many versioned entities into one record with a single copy (newest version wins). */
function upsertMany<T extends { id: string; version: number }>(
  state: ConectaState,
  key: 'contacts' | 'sessions',
  items: readonly T[],
): ConectaState {
  const held = state[key] as unknown as Readonly<Record<string, T>>;
  let record: Record<string, T> | null = null;
  for (const item of items) {
    const current = (record ?? held)[item.id];
    if (current && current.version >= item.version) continue;
    if (!record) record = { ...held };
    record[item.id] = item;
  }
  return record ? { ...state, [key]: record } : state;
}

function setTeams(state: ConectaState, teams: readonly Team[]): ConectaState {
  return { ...state, teams: Object.fromEntries(teams.map((team) => [team.id, team])) };
}

function byOrder(a: ClientMessage, b: ClientMessage): number {
  // Unacknowledged messages have no seq yet (0): they go last, in the order they were written. One
  // stored and then refused by its channel (failed, with a seq) keeps its place.
  const sa = a.seq || Infinity;
  const sb = b.seq || Infinity;
  return sa === sb ? a.createdAt - b.createdAt : sa - sb;
}

/** How far a message got; statuses only move forward. */
const progress: Record<MessageStatus, number> = { failed: 0, sending: 0, sent: 1, delivered: 2, read: 3 };

/** The status the server's copy of a message shows. */
function statusOf(message: Message): MessageStatus {
  return message.readAt !== null ? 'read' : message.deliveredAt !== null ? 'delivered' : 'sent';
}

/**
 * Merge acknowledged messages into their sessions. A message already held (same id) is replaced
 * only if the incoming copy got further (sending → sent → delivered → read); one that changes
 * nothing leaves the state the same object.
 */
export function mergeMessages(state: ConectaState, incoming: readonly Message[]): ConectaState {
  if (incoming.length === 0) return state;
  const touched = new Map<string, ClientMessage[]>();
  for (const message of incoming) {
    const list = touched.get(message.sessionId) ?? [...(state.messages[message.sessionId] ?? [])];
    const index = list.findIndex((held) => held.id === message.id);
    const status = statusOf(message);
    if (index >= 0 && progress[list[index].status] >= progress[status]) continue;
    const acknowledged: ClientMessage = { ...message, status };
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
  error?: Pick<ProtocolError, 'code' | 'message'>,
): ConectaState {
  const list = state.messages[sessionId];
  const index = list?.findIndex((held) => held.id === messageId) ?? -1;
  if (!list || index < 0 || list[index].seq) return state;
  const next = [...list];
  next[index] = { ...list[index], status, errorCode: error?.code, error: error?.message };
  return { ...state, messages: { ...state.messages, [sessionId]: next } };
}

/** The highest acknowledged seq held (a message not yet acknowledged has seq 0) for a session: what a resync asks to continue from. */
export function lastSeqHeld(state: ConectaState, sessionId: string): number {
  const list = state.messages[sessionId] ?? [];
  let last = 0;
  for (const message of list) if (message.seq > last) last = message.seq;
  return last;
}

/** The lowest acknowledged seq held: where paging back continues from. */
export function firstSeqHeld(state: ConectaState, sessionId: string): number {
  const list = state.messages[sessionId] ?? [];
  for (const message of list) if (message.seq) return message.seq;
  return 0;
}

/** The other side received or read messages up to a seq: move their status forward. */
export function applyMessageStatus(state: ConectaState, event: ServerEvents['message.status']): ConectaState {
  const list = state.messages[event.sessionId];
  if (!list) return state;
  let changed = false;
  const next = list.map((message) => {
    if (message.seq > event.upToSeq || !event.authorKinds.includes(message.authorKind)) return message;
    if (progress[message.status] < progress.sent || progress[message.status] >= progress[event.status]) return message;
    changed = true;
    return event.status === 'read'
      ? { ...message, status: 'read' as const, readAt: event.at, deliveredAt: message.deliveredAt ?? event.at }
      : { ...message, status: 'delivered' as const, deliveredAt: event.at };
  });
  return changed ? { ...state, messages: { ...state.messages, [event.sessionId]: next } } : state;
}

export function setHasOlder(state: ConectaState, sessionId: string, hasOlder: boolean): ConectaState {
  if (state.hasOlder[sessionId] === hasOlder) return state;
  return { ...state, hasOlder: { ...state.hasOlder, [sessionId]: hasOlder } };
}

const sameTypist = (a: TypingIndicator, b: Pick<TypingIndicator, 'authorKind' | 'authorId'>) =>
  a.authorKind === b.authorKind && a.authorId === b.authorId;

/** Someone started (`typing: true`) or stopped typing in a session. */
export function setTyping(state: ConectaState, sessionId: string, typist: TypingIndicator, typing: boolean): ConectaState {
  const list = state.typing[sessionId] ?? [];
  const present = list.some((held) => sameTypist(held, typist));
  if (typing === present) return state;
  const next = typing ? [...list, typist] : list.filter((held) => !sameTypist(held, typist));
  return { ...state, typing: { ...state.typing, [sessionId]: next } };
}

/** A new message from someone ends their typing indicator. */
export function clearTypingOf(state: ConectaState, sessionId: string, authorKind: AuthorKind, authorId: string | null): ConectaState {
  return setTyping(state, sessionId, { authorKind, authorId, authorName: '' }, false);
}

export function setNotes(state: ConectaState, contactId: string, notes: readonly Note[]): ConectaState {
  const sorted = [...notes].sort((a, b) => b.createdAt - a.createdAt);
  return { ...state, notes: { ...state.notes, [contactId]: sorted } };
}

/** Only into lists already loaded: a contact nobody looks at keeps no notes in memory. */
export function upsertNote(state: ConectaState, note: Note): ConectaState {
  const list = state.notes[note.contactId];
  if (!list) return state;
  const held = list.find((n) => n.id === note.id);
  if (held && held.version >= note.version) return state;
  return setNotes(state, note.contactId, [...list.filter((n) => n.id !== note.id), note]);
}

export function removeNote(state: ConectaState, contactId: string, noteId: string): ConectaState {
  const list = state.notes[contactId];
  if (!list?.some((n) => n.id === noteId)) return state;
  return { ...state, notes: { ...state.notes, [contactId]: list.filter((n) => n.id !== noteId) } };
}

/**
 * Where a waiting session of the visitor stands (a `webchat.queue` event). Ignored once the session
 * is known to have left `waiting`: a late event must not bring the queue back.
 */
export function setQueuePosition(state: ConectaState, position: QueuePosition): ConectaState {
  const session = state.sessions[position.sessionId];
  if (session && session.status !== 'waiting') return state;
  const held = state.queue[position.sessionId];
  if (held && held.position === position.position && held.etaMs === position.etaMs) return state;
  return { ...state, queue: { ...state.queue, [position.sessionId]: position } };
}

/** Drop queue entries of sessions no longer waiting. */
function pruneQueue(state: ConectaState): ConectaState {
  const stale = Object.keys(state.queue).filter((id) => {
    const session = state.sessions[id];
    return session !== undefined && session.status !== 'waiting';
  });
  if (stale.length === 0) return state;
  const queue = { ...state.queue };
  for (const id of stale) delete queue[id];
  return { ...state, queue };
}

/**
 * Another visitor now (a new user logged in, a reset): forget everything held for the previous one,
 * so nothing of their conversation shows to the next person at this browser.
 */
export function replaceVisitor(state: ConectaState, visitor: Visitor | null): ConectaState {
  return { ...state, visitor, contacts: {}, sessions: {}, messages: {}, hasOlder: {}, typing: {}, queue: {} };
}

export function setCatalog(state: ConectaState, catalog: Catalog): ConectaState {
  return { ...state, catalog };
}

/** A colleague came online or went offline (an `agent.presence` event): only a loaded catalog holds colleagues. */
export function setAgentPresence(state: ConectaState, { agentId, online }: ServerEvents['agent.presence']): ConectaState {
  const agents = state.catalog?.agents;
  const index = agents?.findIndex((agent) => agent.id === agentId) ?? -1;
  if (!state.catalog || !agents || index < 0 || agents[index].online === online) return state;
  const next = [...agents];
  next[index] = { ...agents[index], online };
  return { ...state, catalog: { ...state.catalog, agents: next } };
}

/** What a command's result (or an event) may carry. */
type Carried = Partial<{
  agent: Agent;
  teams: Team[];
  contact: Contact | null;
  contacts: Contact[];
  session: Session;
  sessions: Session[];
  message: Message;
  messages: Message[];
  note: Note;
  /** `webchat.sessions`: every waiting session of the visitor, so the whole record. */
  queue: QueuePosition[];
  /** `agent.snapshot`: the agent's own availability and time logged in today. */
  availability: AgentAvailability;
  loggedInTodayMs: number;
}>;

/**
 * Fold the conversations a command's result (or an event) carries into the state — contacts,
 * sessions, messages, a visitor's queue — so every answer updates the store the way an event would.
 * What only agents receive is `absorbResult`'s: a visitor's client (the webchat) does without it.
 */
export function absorbEntities(state: ConectaState, data: unknown): ConectaState {
  if (typeof data !== 'object' || data === null) return state;
  const result = data as Carried;
  // One copy of the record per result, not one per entity: a snapshot of 10,000 sessions would
  // otherwise copy the record 10,000 times (quadratic).
  let next = upsertMany(state, 'contacts', [...(result.contacts ?? []), ...(result.contact ? [result.contact] : [])]);
  next = upsertMany(next, 'sessions', [...(result.sessions ?? []), ...(result.session ? [result.session] : [])]);
  next = mergeMessages(next, [...(result.messages ?? []), ...(result.message ? [result.message] : [])]);
  if (result.queue) next = { ...next, queue: Object.fromEntries(result.queue.map((entry) => [entry.sessionId, entry])) };
  return pruneQueue(next);
}

/** `chat.history` answers `messages` too: the internal chat's, which belong to no session (the client's chat takes them). */
function withoutChatMessages(data: unknown): unknown {
  const messages = (data as Carried | null)?.messages;
  return messages?.length && !('sessionId' in messages[0]!) ? { ...(data as Carried), messages: [] } : data;
}

/**
 * Fold whatever a command's result carries into the state: `absorbEntities`, and what only agents
 * receive (their profile, their teams, a note).
 */
export function absorbResult(state: ConectaState, data: unknown): ConectaState {
  let next = absorbEntities(state, withoutChatMessages(data));
  if (typeof data !== 'object' || data === null) return next;
  const result = data as Carried;
  if (result.messages?.length) next = absorbFailures(next, result.messages);
  if (result.agent) next = { ...next, me: result.agent };
  if (result.teams) next = setTeams(next, result.teams);
  if (result.note) next = upsertNote(next, result.note);
  if (result.availability) next = setAvailability(next, result.availability);
  if (typeof result.loggedInTodayMs === 'number') next = setLoggedInToday(next, result.loggedInTodayMs);
  return next;
}
