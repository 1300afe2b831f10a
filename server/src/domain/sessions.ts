import {
  appendMessage,
  cursorOf,
  newSession,
  WAITING_PAGE_SIZE,
  offersSurvey,
  type Agent,
  type Contact,
  type GalleryItem,
  type Message,
  type ParsedPayload,
  type Session,
  type SessionStatus,
  type SystemEvent,
  type Team,
  type WaitingQueuePage,
} from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError, forbidden, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';
import type { Identity, VisitorIdentity } from './identity.js';
import { formatProtocol } from './protocol-number.js';
import { may } from './roles.js';
import { newId } from './secrets.js';
import { agentMaySee, agentMayWrite, nameOf, requireOwner, requireSession, scopeOf, visitorOwns } from './session-access.js';
import { describe } from './system-messages.js';

export interface SessionWithContact {
  session: Session;
  contact: Contact;
}

type Former = { agentIds?: string[]; teamId?: string };
/** What one session's change inside a transaction produced, announced after the commit. */
interface Change {
  session: Session;
  messages: Message[];
  former?: Former;
  /** Teams whose queue of waiting sessions this change altered (see DomainEvents.queueChanged). */
  queueTeamIds?: string[];
}

/**
 * A transfer's target agent, or null (the session then waits for the whole team) when the agent is
 * not online and the company sends such transfers to the team; refused when it refuses them.
 */
async function unlessUnavailable(tx: Repository, target: Agent): Promise<Agent | null> {
  const state = (await tx.getAgentState(target.id))?.state ?? 'offline';
  if (state === 'online') return target;
  if ((await tx.getAvailabilitySettings()).transferToUnavailable === 'team') return null;
  throw new CommandError(
    'AGENT_UNAVAILABLE',
    `${nameOf(target)} is ${state} and cannot receive sessions now: transfer to the team or to another agent.`,
    {
      toAgentId: `is ${state}`,
    },
  );
}

const finishedError = () => new CommandError('SESSION_FINISHED', 'This session is already finished.');

/**
 * Sessions: waiting → active (accept) ⇄ pending (park / rescue) → finished (finish, bulk finish,
 * the team's waiting timeout); transfers make them waiting again. Every change is a compare-and-set
 * on `version` in one transaction with the system message that records it in the history, so two
 * agents racing for one session cannot both win, whatever the database.
 */
export class SessionService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
  ) {}

  /**
   * What a desk opens on: the agent's own sessions whole (bounded by what one agent holds), and of
   * the sessions waiting for its teams only the counts and the first page, so the answer stays small
   * however long the queue is (issue 13).
   */
  async snapshot(
    agent: Agent,
  ): Promise<{ agent: Agent; teams: Team[]; sessions: Session[]; contacts: Contact[]; waiting: WaitingQueuePage }> {
    const [teams, own, page] = await Promise.all([
      this.repo.listTeams(agent.teamIds),
      this.repo.listDeskSessions(agent.id),
      this.waitingPage(agent, { teamId: null, after: null, limit: WAITING_PAGE_SIZE }),
    ]);
    const sessions = [...own, ...page.sessions];
    return { agent, teams, sessions, contacts: await this.#contactsOf(sessions), waiting: { counts: page.counts, next: page.next } };
  }

  /** A page of the sessions waiting for the agent's teams (or one of them), with the counts as they are now. */
  async waitingPage(
    agent: Agent,
    { teamId, after, limit }: ParsedPayload<'queue.page'>,
  ): Promise<WaitingQueuePage & { sessions: Session[]; contacts: Contact[] }> {
    if (teamId !== null && !agent.teamIds.includes(teamId)) throw forbidden('You are not a member of this team.');
    const teamIds = teamId === null ? agent.teamIds : [teamId];
    // One more than asked tells whether another page follows.
    const [found, counts] = await Promise.all([
      this.repo.listWaitingPage(teamIds, after, limit + 1),
      this.repo.countWaiting(agent.teamIds),
    ]);
    const sessions = found.slice(0, limit);
    const next = found.length > limit ? cursorOf(sessions[sessions.length - 1]!) : null;
    return { counts, next, sessions, contacts: await this.#contactsOf(sessions) };
  }

  async accept(agent: Agent, sessionId: string): Promise<SessionWithContact> {
    const change = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      if (session.agentId === agent.id && session.status !== 'finished') return null;
      if (session.status === 'finished') throw finishedError();
      if (session.agentId !== null) throw alreadyAccepted();
      if (session.targetAgentId !== null && session.targetAgentId !== agent.id) {
        throw forbidden('This session is waiting for another agent: only that agent can accept it.');
      }
      if (session.targetAgentId === null && !agent.teamIds.includes(session.teamId)) {
        throw forbidden('This session belongs to a team you are not a member of.');
      }
      // A pause is time away from the queue (it is counted as such): the agent ends it to take work.
      if ((await tx.getAgentState(agent.id))?.state === 'paused') {
        throw new CommandError('AGENT_PAUSED', 'You are on a pause: end it to accept sessions.');
      }
      const at = this.now();
      const next: Session = {
        ...session,
        status: 'active',
        agentId: agent.id,
        agentName: nameOf(agent),
        targetAgentId: null,
        acceptedAt: at,
      };
      // The conditional UPDATE is the arbiter: only the writer that saw this version wins.
      return this.#apply(tx, session, next, { type: 'accepted', agentId: agent.id, agentName: nameOf(agent) }, alreadyAccepted);
    });
    return this.#announce(sessionId, change);
  }

  async finish(agent: Agent, sessionId: string): Promise<SessionWithContact> {
    const change = await this.repo.transaction(async (tx) => this.#finishOne(tx, agent, await requireSession(tx, sessionId), false));
    return this.#announce(sessionId, change);
  }

  async #finishOne(tx: Repository, agent: Agent, session: Session, bulk: boolean): Promise<Change | null> {
    if (session.status === 'finished') {
      if (session.agentId === agent.id) return null;
      throw new CommandError('SESSION_FINISHED', `Session ${session.protocol} is already finished.`);
    }
    if (session.agentId !== agent.id) {
      throw forbidden(
        session.agentId === null
          ? `Accept session ${session.protocol} before finishing it.`
          : `Only the agent who owns session ${session.protocol} can finish it.`,
      );
    }
    const next: Session = { ...session, status: 'finished', finishedAt: this.now(), targetAgentId: null };
    return this.#apply(tx, session, next, { type: 'finished', agentId: agent.id, agentName: nameOf(agent), bulk });
  }

  /**
   * The visitor ends its own conversation, whatever its status; then it may rate it. Recorded as a
   * `finished` system message with `agentId` null. A repeat, or a session already finished by
   * someone else, answers the session as it is.
   */
  async finishByVisitor(visitor: VisitorIdentity, sessionId: string): Promise<SessionWithContact> {
    const change = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      if (!visitorOwns(visitor, session)) throw notFound('session');
      if (session.status === 'finished') return null;
      const next: Session = { ...session, status: 'finished', finishedAt: this.now(), targetAgentId: null };
      return this.#apply(tx, session, next, { type: 'finished', agentId: null, agentName: null, bulk: false });
    });
    return this.#announce(sessionId, change);
  }

  /**
   * The visitor rates its finished conversation, once; the score joins the owner's average. A repeat
   * with the same score and comment (a retry) answers the session as it is; another one is CONFLICT.
   * Sessions closed without a survey (bulk finish, waiting timeout) may not be rated.
   */
  async rate(visitor: VisitorIdentity, input: ParsedPayload<'webchat.rate'>): Promise<SessionWithContact> {
    const comment = input.comment || null;
    const change = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, input.sessionId);
      if (!visitorOwns(visitor, session)) throw notFound('session');
      if (session.status !== 'finished') {
        throw new CommandError('CONFLICT', 'This conversation has not ended yet: rate it after it ends.');
      }
      if (session.rating !== null) {
        if (session.rating === input.score && session.ratingComment === comment) return null;
        throw new CommandError('CONFLICT', 'This conversation was already rated: a rating cannot be changed.');
      }
      const [last] = await tx.listMessagesBefore(session.id, null, 1);
      if (!last || !offersSurvey([last])) {
        throw forbidden('This conversation was closed without a survey: it cannot be rated.');
      }
      const next: Session = { ...session, rating: input.score, ratingComment: comment, version: session.version + 1 };
      if (!(await tx.updateSession(next, session.version))) throw new Error('session changed during webchat.rate');
      if (session.agentId !== null) await tx.addAgentRating(session.agentId, input.score);
      return { session: next, messages: [] };
    });
    return this.#announce(input.sessionId, change);
  }

  /** Up to 50 of the caller's active or pending sessions; all or none. No rating survey is sent. */
  async finishMany(agent: Agent, sessionIds: readonly string[]): Promise<{ sessions: Session[]; contacts: Contact[] }> {
    requireBulkActions(agent);
    const changes = await this.repo.transaction(async (tx) => {
      const results: (Change | Session)[] = [];
      for (const id of sessionIds) {
        const session = await requireSession(tx, id);
        results.push((await this.#finishOne(tx, agent, session, true)) ?? session);
      }
      return results;
    });
    return this.#announceMany(changes);
  }

  /** An active session of the caller's becomes pending. */
  async park(agent: Agent, sessionId: string): Promise<SessionWithContact> {
    const change = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      requireOwner(agent, session, 'park');
      if (session.status === 'pending') return null;
      const next: Session = { ...session, status: 'pending' };
      return this.#apply(tx, session, next, { type: 'parked', agentId: agent.id, agentName: nameOf(agent) });
    });
    return this.#announce(sessionId, change);
  }

  /** Pending sessions of the caller's become active again; all or none. */
  async rescue(agent: Agent, sessionIds: readonly string[]): Promise<{ sessions: Session[]; contacts: Contact[] }> {
    // Rescuing one session is every agent's (the pending list's shortcut); several at once is a bulk action.
    if (new Set(sessionIds).size > 1) requireBulkActions(agent);
    const changes = await this.repo.transaction(async (tx) => {
      const results: (Change | Session)[] = [];
      for (const id of sessionIds) {
        const session = await requireSession(tx, id);
        requireOwner(agent, session, 'rescue');
        if (session.status === 'active') {
          results.push(session); // already rescued (e.g. a retry)
          continue;
        }
        const next: Session = { ...session, status: 'active' };
        results.push(await this.#apply(tx, session, next, { type: 'rescued', agentId: agent.id, agentName: nameOf(agent) }));
      }
      return results;
    });
    return this.#announceMany(changes);
  }

  /**
   * Hands the session to a team (waiting for the whole team) or to one agent of that team. The
   * owner may transfer it; a waiting session, any member of its team (or the agent it waits for).
   */
  async transfer(agent: Agent, input: ParsedPayload<'session.transfer'>): Promise<SessionWithContact & { lostAccess: string[] }> {
    let lostAccess: string[] = [];
    const change = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, input.sessionId);
      if (session.status === 'finished') throw finishedError();
      const mayTransfer =
        session.agentId === agent.id ||
        (session.status === 'waiting' &&
          (session.targetAgentId === agent.id || (session.targetAgentId === null && agent.teamIds.includes(session.teamId))));
      if (!mayTransfer) {
        throw forbidden(
          session.status === 'waiting'
            ? 'Only a member of the session\u2019s team can transfer a waiting session.'
            : 'Only the agent who owns this session can transfer it.',
        );
      }
      const team = await tx.getTeam(input.toTeamId);
      if (!team) throw invalid({ toTeamId: 'is not a team' });
      let target: Agent | null = null;
      if (input.toAgentId !== null) {
        target = await tx.getAgent(input.toAgentId);
        if (!target) throw invalid({ toAgentId: 'is not an agent' });
        if (!target.teamIds.includes(team.id)) throw invalid({ toAgentId: `is not a member of ${team.name}` });
        target = await unlessUnavailable(tx, target);
      }
      const at = this.now();
      const next: Session = {
        ...session,
        status: 'waiting',
        teamId: team.id,
        agentId: null,
        agentName: null,
        targetAgentId: target?.id ?? null,
        invitedAgentIds: [],
        acceptedAt: null,
        // Tags come from a team's list: another team's tags do not follow the session.
        tagIds: team.id === session.teamId ? session.tagIds : [],
      };
      const event: SystemEvent = {
        type: 'transferred',
        byAgentId: agent.id,
        byAgentName: nameOf(agent),
        toTeamId: team.id,
        toTeamName: team.name,
        toAgentId: target?.id ?? null,
        toAgentName: target ? nameOf(target) : null,
        note: input.note || null,
      };
      const former = [session.agentId, session.targetAgentId, ...session.invitedAgentIds].filter(
        (id): id is string => id !== null && id !== target?.id,
      );
      lostAccess = former;
      await tx.setWaitingSince(session.id, at);
      return this.#apply(tx, session, next, event, undefined, { agentIds: former, teamId: session.teamId });
    });
    const result = await this.#announce(input.sessionId, change);
    return { ...result, lostAccess };
  }

  /** The owner invites a colleague: it reads and writes in the session, and may leave. */
  async invite(agent: Agent, sessionId: string, inviteeId: string): Promise<SessionWithContact> {
    const change = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      requireOwner(agent, session, 'invite colleagues into');
      if (inviteeId === agent.id) throw invalid({ agentId: 'is you: you already own this session' });
      const invitee = await tx.getAgent(inviteeId);
      if (!invitee) throw notFound('agent');
      if (session.invitedAgentIds.includes(invitee.id)) return null;
      const next: Session = { ...session, invitedAgentIds: [...session.invitedAgentIds, invitee.id] };
      return this.#apply(tx, session, next, {
        type: 'invited',
        byAgentId: agent.id,
        byAgentName: nameOf(agent),
        agentId: invitee.id,
        agentName: nameOf(invitee),
      });
    });
    return this.#announce(sessionId, change);
  }

  /** An invited agent leaves. */
  async leave(agent: Agent, sessionId: string): Promise<SessionWithContact> {
    const change = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      if (!session.invitedAgentIds.includes(agent.id)) {
        throw forbidden('You are not invited to this session: only invited agents can leave it.');
      }
      const next: Session = { ...session, invitedAgentIds: session.invitedAgentIds.filter((id) => id !== agent.id) };
      return this.#apply(tx, session, next, { type: 'left', agentId: agent.id, agentName: nameOf(agent) }, undefined, {
        agentIds: [agent.id],
      });
    });
    return this.#announce(sessionId, change);
  }

  /** Replaces the session's tags; only tags of its team. */
  async setTags(agent: Agent, sessionId: string, tagIds: readonly string[]): Promise<SessionWithContact> {
    const change = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      if (!agentMayWrite(agent, session) && !(session.status === 'waiting' && agentMaySee(agent, session))) {
        throw forbidden('Only the agent who owns this session (or an invited one) can tag it.');
      }
      const unique = [...new Set(tagIds)];
      const tags = await tx.getTags(unique);
      const bad = unique.filter((id) => !tags.some((tag) => tag.id === id && tag.teamId === session.teamId));
      if (bad.length > 0) throw invalid({ tagIds: `are not tags of this session\u2019s team: ${bad.join(', ')}` });
      if (unique.length === session.tagIds.length && unique.every((id, i) => session.tagIds[i] === id)) return null;
      const next: Session = { ...session, tagIds: unique, version: session.version + 1 };
      if (!(await tx.updateSession(next, session.version))) throw new Error('session changed during session.setTags');
      return { session: next, messages: [] };
    });
    return this.#announce(sessionId, change);
  }

  /**
   * A session, its contact and a page of its messages, if `who` may see it: with `afterSeq` 0 the
   * newest `limit` (and whether older ones exist), else the `limit` after `afterSeq` (and whether more follow).
   */
  async sync(who: Identity, agent: Agent | null, input: { sessionId: string; afterSeq: number; limit: number }) {
    const session = await this.#visible(who, agent, input.sessionId);
    const contact = (await this.repo.getContact(session.contactId))!;
    if (input.afterSeq === 0) {
      const messages = await this.repo.listMessagesBefore(session.id, null, input.limit);
      return { session, contact, messages, hasOlder: (messages[0]?.seq ?? 1) > 1, hasMore: false };
    }
    const page = await this.repo.listMessagesAfter(session.id, input.afterSeq, input.limit + 1);
    return { session, contact, messages: page.slice(0, input.limit), hasOlder: false, hasMore: page.length > input.limit };
  }

  async older(who: Identity, agent: Agent | null, input: { sessionId: string; beforeSeq: number; limit: number }) {
    const session = await this.#visible(who, agent, input.sessionId);
    const messages = await this.repo.listMessagesBefore(session.id, input.beforeSeq, input.limit);
    return { sessionId: session.id, messages, hasOlder: (messages[0]?.seq ?? 1) > 1 };
  }

  async #visible(who: Identity, agent: Agent | null, sessionId: string): Promise<Session> {
    const session = await this.repo.getSession(sessionId);
    if (!session) throw notFound('session');
    if (who.kind === 'visitor') {
      // A visitor is not told that other sessions exist.
      if (!visitorOwns(who, session)) throw notFound('session');
    } else if (!agent || !agentMaySee(agent, session)) {
      throw forbidden('This session belongs to a team you are not a member of.');
    }
    return session;
  }

  /** Sessions the agent may see whose contact matches: name, or the digits of a CPF/CNPJ or phone. */
  async search(agent: Agent, input: ParsedPayload<'queue.search'>): Promise<{ sessions: Session[]; contacts: Contact[] }> {
    if (input.teamId !== null && !agent.teamIds.includes(input.teamId)) throw forbidden('You are not a member of this team.');
    const digits = input.query.replace(/\D/g, '');
    const sessions = await this.repo.searchSessions({
      agentId: agent.id,
      teamIds: input.teamId === null ? agent.teamIds : [input.teamId],
      statuses: [...new Set(input.statuses)] as SessionStatus[],
      name: input.query,
      // Fewer than 3 digits would match nearly every phone number.
      digits: digits.length >= 3 ? digits : '',
      limit: input.limit,
    });
    // With a team filter, the agent's own sessions of other teams are not wanted either.
    const inTeam = input.teamId === null ? sessions : sessions.filter((s) => s.teamId === input.teamId);
    return { sessions: inTeam, contacts: await this.#contactsOf(inTeam) };
  }

  /** The contact's sessions, newest first: every team with the history permission, else the agent's teams. */
  async history(
    agent: Agent,
    input: ParsedPayload<'contact.history'>,
  ): Promise<{ sessions: Session[]; contacts: Contact[]; hasMore: boolean }> {
    const contact = await this.repo.getContact(input.contactId);
    if (!contact) throw notFound('contact');
    const filter = { exceptChannel: input.exceptChannel, state: input.state };
    const page = await this.repo.listContactHistory(contact.id, scopeOf(agent), filter, input.before, input.limit + 1);
    return { sessions: page.slice(0, input.limit), contacts: [contact], hasMore: page.length > input.limit };
  }

  async gallery(agent: Agent, input: ParsedPayload<'contact.gallery'>): Promise<{ items: GalleryItem[] }> {
    const contact = await this.repo.getContact(input.contactId);
    if (!contact) throw notFound('contact');
    return { items: await this.repo.listGallery(contact.id, scopeOf(agent), input.limit) };
  }

  /** Finishes every waiting session left longer than its team's timeout; answers how many. */
  async expireWaiting(): Promise<number> {
    const expired = await this.repo.listExpiredWaiting(this.now());
    let count = 0;
    for (const candidate of expired) {
      const change = await this.repo.transaction(async (tx) => {
        const session = await tx.getSession(candidate.id);
        // Accepted or transferred meanwhile: not this time.
        if (!session || session.status !== 'waiting' || session.version !== candidate.version) return null;
        const next: Session = { ...session, status: 'finished', finishedAt: this.now(), targetAgentId: null };
        return this.#apply(tx, session, next, { type: 'expired' });
      });
      if (change) {
        count++;
        await this.#announce(candidate.id, change);
      }
    }
    return count;
  }

  /** A new waiting session with a fresh protocol number (call inside a transaction). */
  async create(tx: Repository, fields: Pick<Session, 'id' | 'channel' | 'channelKey' | 'teamId' | 'contactId'>): Promise<Session> {
    const createdAt = this.now();
    const protocol = formatProtocol(createdAt, await tx.nextCounter('session.protocol'));
    const session = newSession({ ...fields, protocol, createdAt });
    await tx.insertSession(session);
    return session;
  }

  /** Writes `next` (one version up) with a system message recording `event`; compare-and-set on the version. */
  async #apply(
    tx: Repository,
    session: Session,
    next: Session,
    event: SystemEvent,
    onConflict: () => Error = () => new Error('session changed during its update'),
    former?: Former,
  ): Promise<Change> {
    const { message, session: written } = appendMessage(next, {
      id: newId('sys'),
      authorKind: 'system',
      authorId: null,
      authorName: '',
      kind: 'system',
      text: describe(event),
      attachments: [],
      templateId: null,
      system: event,
      createdAt: this.now(),
      deliveredAt: null,
      readAt: null,
    });
    if (!(await tx.updateSession(written, session.version))) throw onConflict();
    await tx.insertMessage(message);
    return { session: written, messages: [message], former, queueTeamIds: queuesAltered(session, written) };
  }

  async #announce(sessionId: string, change: Change | null): Promise<SessionWithContact> {
    const session = change?.session ?? (await requireSession(this.repo, sessionId));
    const contact = (await this.repo.getContact(session.contactId))!;
    if (change) {
      for (const message of change.messages) this.events.messageCreated(message, session);
      this.events.sessionUpdated(session, contact, { ...change.former, queueTeamIds: change.queueTeamIds });
      for (const teamId of change.queueTeamIds ?? []) this.events.queueChanged(teamId);
    }
    return { session, contact };
  }

  async #announceMany(results: (Change | Session)[]): Promise<{ sessions: Session[]; contacts: Contact[] }> {
    const sessions: Session[] = [];
    for (const result of results) {
      if ('messages' in result) sessions.push((await this.#announce(result.session.id, result)).session);
      else sessions.push(result);
    }
    return { sessions, contacts: await this.#contactsOf(sessions) };
  }

  async #contactsOf(sessions: Session[]): Promise<Contact[]> {
    return this.repo.getContacts([...new Set(sessions.map((s) => s.contactId))]);
  }
}

const alreadyAccepted = () => new CommandError('ALREADY_ACCEPTED', 'Another agent has already accepted this session.');
const invalid = (fields: Record<string, string>) => new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', fields);

/**
 * The teams whose queue a change of `before` into `after` alters: the session left one (accepted,
 * finished, expired, transferred away; an accept also adds a sample to the team's estimate) or
 * joined one (transferred in).
 */
function queuesAltered(before: Session, after: Session): string[] {
  const wasWaiting = before.status === 'waiting';
  const isWaiting = after.status === 'waiting';
  const moved = before.teamId !== after.teamId;
  const teams = new Set<string>();
  if (wasWaiting && (!isWaiting || moved)) teams.add(before.teamId);
  if (isWaiting && (!wasWaiting || moved)) teams.add(after.teamId);
  return [...teams];
}

/** Finishing in bulk, or rescuing several sessions at once, needs the bulkActions permission (manual 004). */
function requireBulkActions(agent: Agent): void {
  if (!may(agent, 'bulkActions')) throw forbidden('Your administrator has not allowed you to act on many sessions at once.');
}
