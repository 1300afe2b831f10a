import type { Agent, Contact, Message, Session, SessionStatus, Team } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError, forbidden, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';
import type { Identity, VisitorIdentity } from './identity.js';

export interface SessionWithContact {
  session: Session;
  contact: Contact;
}

/** The statuses an agent keeps on its desk: owned and not over. */
const OWNED_OPEN: readonly SessionStatus[] = ['active', 'pending'];

/**
 * Sessions: waiting → active (accept) → finished (finish). Every change is a compare-and-set on
 * `version`, so two agents racing for one session cannot both win, whatever the database.
 */
export class SessionService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
  ) {}

  async snapshot(agent: Agent): Promise<{ agent: Agent; teams: Team[]; sessions: Session[]; contacts: Contact[] }> {
    const [teams, waiting, owned] = await Promise.all([
      this.repo.listTeams(agent.teamIds),
      this.repo.listSessionsByTeamsAndStatus(agent.teamIds, ['waiting']),
      this.repo.listSessionsByAgentAndStatus(agent.id, OWNED_OPEN),
    ]);
    const sessions = [...waiting, ...owned];
    const contacts = await this.repo.getContacts([...new Set(sessions.map((s) => s.contactId))]);
    return { agent, teams, sessions, contacts };
  }

  async accept(agent: Agent, sessionId: string): Promise<SessionWithContact> {
    const result = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      if (session.agentId === agent.id && session.status !== 'finished') return { session, changed: false };
      if (!agent.teamIds.includes(session.teamId)) throw forbidden('This session belongs to a team you are not a member of.');
      if (session.status === 'finished') throw new CommandError('SESSION_FINISHED', 'This session is already finished.');
      if (session.agentId !== null) {
        throw new CommandError('ALREADY_ACCEPTED', 'Another agent has already accepted this session.');
      }
      const accepted: Session = {
        ...session,
        status: 'active',
        agentId: agent.id,
        acceptedAt: this.now(),
        version: session.version + 1,
      };
      // The conditional UPDATE is the arbiter: only the writer that saw this version wins.
      if (!(await tx.updateSession(accepted, session.version))) {
        throw new CommandError('ALREADY_ACCEPTED', 'Another agent has already accepted this session.');
      }
      return { session: accepted, changed: true };
    });
    return this.#announce(result.session, result.changed);
  }

  async finish(agent: Agent, sessionId: string): Promise<SessionWithContact> {
    const result = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      if (session.status === 'finished') {
        if (session.agentId === agent.id) return { session, changed: false };
        throw new CommandError('SESSION_FINISHED', 'This session is already finished.');
      }
      if (session.agentId !== agent.id) {
        throw forbidden(session.agentId === null ? 'Accept this session before finishing it.' : 'Only the agent who owns this session can finish it.');
      }
      const finished: Session = { ...session, status: 'finished', finishedAt: this.now(), version: session.version + 1 };
      if (!(await tx.updateSession(finished, session.version))) throw new Error('session changed during its update');
      return { session: finished, changed: true };
    });
    return this.#announce(result.session, result.changed);
  }

  /** A session, its contact, and its messages after `afterSeq`, if `who` may see it. */
  async sync(who: Identity, agent: Agent | null, sessionId: string, afterSeq: number): Promise<SessionWithContact & { messages: Message[] }> {
    const session = await this.repo.getSession(sessionId);
    if (!session) throw notFound('session');
    if (who.kind === 'visitor') {
      // A visitor is not told that other sessions exist.
      if (!visitorOwns(who, session)) throw notFound('session');
    } else if (!agent || !agentMaySee(agent, session)) {
      throw forbidden('This session belongs to a team you are not a member of.');
    }
    const [contact, messages] = await Promise.all([
      this.repo.getContact(session.contactId),
      this.repo.listMessagesAfter(session.id, afterSeq),
    ]);
    return { session, contact: contact!, messages };
  }

  /** A new waiting session with a fresh protocol number (call inside a transaction). */
  async create(tx: Repository, fields: Pick<Session, 'id' | 'channel' | 'channelKey' | 'teamId' | 'contactId'>): Promise<Session> {
    const createdAt = this.now();
    const session: Session = {
      ...fields,
      protocol: formatProtocol(createdAt, await tx.nextCounter('session.protocol')),
      status: 'waiting',
      agentId: null,
      createdAt,
      acceptedAt: null,
      finishedAt: null,
      lastSeq: 0,
      lastMessageAt: null,
      lastMessageText: null,
      lastInboundAt: null,
      version: 1,
    };
    await tx.insertSession(session);
    return session;
  }

  async #announce(session: Session, changed: boolean): Promise<SessionWithContact> {
    const contact = await this.repo.getContact(session.contactId);
    if (changed) this.events.sessionUpdated(session, contact!);
    return { session, contact: contact! };
  }
}

export async function requireSession(repo: Repository, sessionId: string): Promise<Session> {
  const session = await repo.getSession(sessionId);
  if (!session) throw notFound('session');
  return session;
}

export function agentMaySee(agent: Agent, session: Session): boolean {
  return session.agentId === agent.id || agent.teamIds.includes(session.teamId);
}

export function visitorOwns(visitor: VisitorIdentity, session: Session): boolean {
  return session.channel === 'webchat' && session.channelKey === visitor.channelKey && session.contactId === visitor.contactId;
}

/**
 * `YYYYMMDD-NNNNNN`: the (UTC) day the session was created and a server-wide counter, so numbers
 * are unique even across days and sortable within one.
 */
export function formatProtocol(at: number, counter: number): string {
  const day = new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-${String(counter).padStart(6, '0')}`;
}
