import type { Agent, CommandResults } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';

/** What the agent's tools pick from: colleagues, teams, tags, templates, canned responses. */
export class CatalogService {
  constructor(private readonly repo: Repository) {}

  async catalog(agent: Agent, online: ReadonlySet<string>): Promise<CommandResults['agent.catalog']> {
    const [agents, teams, tags, templates, cannedResponses] = await Promise.all([
      this.repo.listAgents(),
      this.repo.listAllTeams(),
      this.repo.listTagsOfTeams(agent.teamIds),
      this.repo.listTemplatesOfTeams(agent.teamIds),
      this.repo.listCannedResponses(agent.teamIds),
    ]);
    return {
      // Every colleague: a transfer or an invitation may go to any team of the company.
      agents: agents.map((a) => ({
        id: a.id,
        name: a.name,
        nickname: a.nickname,
        teamIds: a.teamIds,
        online: online.has(a.id),
        rating: a.rating,
        // Replaced by the recorded one where there is one (see the agent.catalog command).
        availability: { agentId: a.id, state: 'offline', pauseTypeId: null, since: 0, pauseLimitMs: null },
        photoUrl: a.photoUrl,
      })),
      teams,
      tags,
      templates,
      cannedResponses,
      pauseTypes: [],
    };
  }
}
