import type { Agent, AgentAvailability, AgentStats, PauseType } from '../../../src/protocol/index.js';
import type { AgentStateRecord, AvailabilitySettings, Repository } from '../db/repository.js';
import { dayOf, splitByDay, startOfDay, startOfNextDay } from './company-day.js';
import { forbidden, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';
import { may } from './roles.js';
import { newId } from './secrets.js';
import type { SessionService } from './sessions.js';

const OFFLINE_SINCE_EVER = (agentId: string): AgentStateRecord => ({
  agentId,
  state: 'offline',
  pauseTypeId: null,
  pauseLimitMs: null,
  since: 0,
  connectedSince: null,
});

/** What a state change may use inside its transaction. */
interface Step {
  at: number;
  tx: Repository;
  /** Ends the stretch with a socket open (its time added to the days it spans). */
  stopClock: (record: AgentStateRecord) => Promise<AgentStateRecord>;
}

export function toAvailability({ agentId, state, pauseTypeId, pauseLimitMs, since }: AgentStateRecord): AgentAvailability {
  return { agentId, state, pauseTypeId, since, pauseLimitMs };
}

/**
 * Each agent's availability, the one thing routing asks before offering a session:
 *
 *   offline ──first socket──▶ online ◀──resume── paused ◀──pause (switch: a new record)──
 *      ▲                        │ ▲                 │
 *      └──────logout────────────┤ └──first socket── away ◀──every socket gone for the grace period
 *
 * A reload keeps a pause (a first socket only makes an away or offline agent online). Every pause is
 * recorded against its type's limit; the time with a socket open is added up per day. Each change is
 * announced (`agent.availability` to every agent). The socket layer says when sockets come and go
 * and runs the grace period's timer (server/src/socket/availability-rooms.ts).
 */
export class AvailabilityService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
    private readonly sessions: Pick<SessionService, 'transfer'>,
  ) {}

  settings(): Promise<AvailabilitySettings> {
    return this.repo.getAvailabilitySettings();
  }

  async of(agentId: string): Promise<AgentAvailability> {
    return toAvailability((await this.repo.getAgentState(agentId)) ?? OFFLINE_SINCE_EVER(agentId));
  }

  /** Every agent's availability that was ever recorded (the others are offline). */
  async all(): Promise<Map<string, AgentAvailability>> {
    return new Map((await this.repo.listAgentStates()).map((record) => [record.agentId, toAvailability(record)]));
  }

  async pauseTypes(): Promise<PauseType[]> {
    return (await this.repo.admin.pauseTypes.list()).map(({ id, name, timeLimitMs }) => ({ id, name, timeLimitMs }));
  }

  /** The agent opened its first socket: an away or offline agent is online again; a paused one stays paused. */
  async connected(agentId: string): Promise<AgentAvailability> {
    return this.#change(agentId, async (record, { at }) => {
      const next = { ...record, connectedSince: record.connectedSince ?? at };
      return record.state === 'away' || record.state === 'offline' ? { ...next, state: 'online', since: at } : next;
    });
  }

  /** The agent's last socket closed: its time logged in is added up (its state changes only after the grace period). */
  async disconnected(agentId: string): Promise<AgentAvailability> {
    return this.#change(agentId, async (record, { stopClock }) => stopClock(record));
  }

  /** Every socket has been gone for the grace period: an online or paused agent is away (an open pause ends). */
  async wentAway(agentId: string): Promise<AgentAvailability> {
    return this.#change(agentId, async (record, { at, tx, stopClock }) => {
      if (record.state !== 'online' && record.state !== 'paused') return record;
      await tx.endOpenPause(agentId, at);
      return { ...(await stopClock(record)), state: 'away', pauseTypeId: null, pauseLimitMs: null, since: at };
    });
  }

  /** Logout, or every token revoked: offline, whatever it was. */
  async loggedOut(agentId: string): Promise<AgentAvailability> {
    const wasHolding = (await this.of(agentId)).state !== 'offline';
    const availability = await this.#change(agentId, async (record, { at, tx, stopClock }) => {
      await tx.endOpenPause(agentId, at);
      return { ...(await stopClock(record)), state: 'offline', pauseTypeId: null, pauseLimitMs: null, since: at };
    });
    if (wasHolding && (await this.settings()).sessionsOnLogout === 'requeue') await this.#requeue(agentId, 'logged out');
    return availability;
  }

  /** Starts a pause of that type, or switches to it: the current pause record ends, a new one starts. */
  async pause(agent: Agent, pauseTypeId: string): Promise<AgentAvailability> {
    const type = await this.repo.admin.pauseTypes.get(pauseTypeId);
    if (!type) throw notFound('pause type');
    let wasPaused = false;
    const availability = await this.#change(agent.id, async (record, { at, tx }) => {
      wasPaused = record.state === 'paused';
      await tx.endOpenPause(agent.id, at);
      await tx.insertPause({
        id: newId('pa'),
        agentId: agent.id,
        pauseTypeId: type.id,
        pauseTypeName: type.name,
        startedAt: at,
        limitMs: type.timeLimitMs,
      });
      // The agent is sending a command, so it has a socket: its clock runs.
      return {
        ...record,
        state: 'paused',
        pauseTypeId: type.id,
        pauseLimitMs: type.timeLimitMs,
        since: at,
        connectedSince: record.connectedSince ?? at,
      };
    });
    if (!wasPaused && (await this.settings()).sessionsOnPause === 'requeue') await this.#requeue(agent.id, 'paused');
    return availability;
  }

  /** Ends the pause (if any): the agent is online and sessions are offered to it again. */
  async resume(agent: Agent): Promise<AgentAvailability> {
    return this.#change(agent.id, async (record, { at, tx }) => {
      await tx.endOpenPause(agent.id, at);
      if (record.state === 'online') return { ...record, connectedSince: record.connectedSince ?? at };
      return { ...record, state: 'online', pauseTypeId: null, pauseLimitMs: null, since: at, connectedSince: record.connectedSince ?? at };
    });
  }

  /** Time with a socket open today (the company's time zone), the stretch under way included. */
  async loggedInTodayMs(agentId: string): Promise<number> {
    const [{ timeZone }, record] = await Promise.all([this.settings(), this.repo.getAgentState(agentId)]);
    const at = this.now();
    const stored = await this.repo.getLoginTime(agentId, dayOf(at, timeZone));
    const running = record?.connectedSince != null ? at - Math.max(record.connectedSince, startOfDay(at, timeZone)) : 0;
    return stored + Math.max(0, running);
  }

  /** The counters the statistics permission shows, counted in the database now. */
  async stats(agent: Agent): Promise<AgentStats> {
    if (!may(agent, 'statistics')) throw forbidden('Your administrator has not allowed you to see the statistics.');
    const { timeZone } = await this.settings();
    const at = this.now();
    const [waiting, inService, finishedToday] = await Promise.all([
      this.repo.countWaitingInTeams(agent.teamIds),
      this.repo.countInService(agent.id),
      this.repo.countFinishedBy(agent.id, startOfDay(at, timeZone), startOfNextDay(at, timeZone)),
    ]);
    // Fresh from the database: the agent loaded for the command carries the same totals.
    return { waiting, inService, finishedToday, averageRating: agent.rating?.average ?? null, ratingCount: agent.rating?.count ?? 0 };
  }

  /** Reads the agent's state, applies `next` and stores the result in one transaction; announces a change. */
  async #change(agentId: string, next: (record: AgentStateRecord, step: Step) => Promise<AgentStateRecord>): Promise<AgentAvailability> {
    const { timeZone } = await this.settings();
    const { before, after } = await this.repo.transaction(async (tx) => {
      const before = (await tx.getAgentState(agentId)) ?? OFFLINE_SINCE_EVER(agentId);
      const at = this.now();
      // The stretch with a socket open ends at `at`: its time goes to the days it spans.
      const stopClock = async (record: AgentStateRecord): Promise<AgentStateRecord> => {
        if (record.connectedSince === null) return record;
        for (const { day, ms } of splitByDay(record.connectedSince, at, timeZone)) await tx.addLoginTime(agentId, day, ms);
        return { ...record, connectedSince: null };
      };
      const after = await next(before, { at, tx, stopClock });
      await tx.putAgentState(after);
      return { before, after };
    });
    const availability = toAvailability(after);
    const changed = before.state !== after.state || before.pauseTypeId !== after.pauseTypeId || before.since !== after.since;
    if (changed) this.events.availabilityChanged(availability);
    return availability;
  }

  /** The agent's active sessions go back to their team's queue, recorded as transfers by the agent. */
  async #requeue(agentId: string, note: string): Promise<void> {
    const agent = await this.repo.getAgent(agentId);
    if (!agent) return;
    for (const session of await this.repo.listSessionsByAgentAndStatus(agentId, ['active'])) {
      await this.sessions.transfer(agent, { sessionId: session.id, toTeamId: session.teamId, toAgentId: null, note });
    }
  }
}
