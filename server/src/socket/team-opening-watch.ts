import type { Server } from 'socket.io';
import type { Repository } from '../db/repository.js';
import type { Clock } from '../domain/events.js';
import { isWithinWorkingHours } from '../domain/working-hours.js';
import { availableRoom } from './rooms.js';

/**
 * Tells a team's online agents when its working hours begin (`team.opened`). While a team is closed
 * its new waiting sessions are offered to no one (socket-events.ts), so without this word an agent
 * who arrives at 8:00 would not see the night's queue until something else reloaded it. Hours are
 * set in minutes: a look once a minute is enough (a periodic job, app.ts). In a cluster one node looks
 * and its word reaches every node's sockets through the socket.io adapter.
 */
export class TeamOpeningWatch {
  /** Each team's state at the last look; a team not seen yet cannot have "just opened". */
  readonly #open = new Map<string, boolean>();

  constructor(
    private readonly io: Server,
    private readonly repo: Repository,
    private readonly now: Clock,
  ) {}

  /**
   * Compares each team's hours now with the last look; answers the ids of the teams that opened since.
   * `forget`: the last look here is stale (another node looked meanwhile), so this one only takes note.
   */
  async look({ forget = false } = {}): Promise<string[]> {
    if (forget) this.#open.clear();
    const teams = await this.repo.listAllTeams();
    const hours = await this.repo.getWorkingHours(teams.map((team) => team.id));
    const at = this.now();
    const opened: string[] = [];
    for (const team of teams) {
      const open = isWithinWorkingHours(hours.get(team.id) ?? null, at);
      if (open && this.#open.get(team.id) === false) opened.push(team.id);
      this.#open.set(team.id, open);
    }
    for (const teamId of opened) this.io.to(availableRoom(teamId)).emit('team.opened', { teamId });
    return opened;
  }
}
