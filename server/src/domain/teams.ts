import type { Agent, Team } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { notFound } from './errors.js';

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
