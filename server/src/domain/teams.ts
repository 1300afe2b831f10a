import type { Agent, Team } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError, notFound } from './errors.js';

/** Teams and memberships; an agent belongs to several teams. */
export class TeamService {
  constructor(private readonly repo: Repository) {}

  async agent(agentId: string): Promise<Agent> {
    const agent = await this.repo.getAgent(agentId);
    if (!agent) throw notFound('agent');
    return agent;
  }

  teamsOf(agent: Agent): Promise<Team[]> {
    return this.repo.listTeams(agent.teamIds);
  }

  async addMember(teamId: string, agentId: string): Promise<void> {
    await this.repo.addTeamMember(teamId, agentId);
  }
}

/** 400 naming `field` when any of `teamIds` does not exist. */
export async function requireTeams(repo: Repository, teamIds: readonly string[], field: string): Promise<void> {
  const known = new Set((await repo.listTeams(teamIds)).map((team) => team.id));
  const unknown = teamIds.filter((id) => !known.has(id));
  if (unknown.length)
    throw new CommandError('INVALID_PAYLOAD', 'Some teams do not exist.', { [field]: `names unknown teams: ${unknown.join(', ')}` });
}
