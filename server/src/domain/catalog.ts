import type { Agent, CommandResults } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import type { AvailabilityService } from './availability.js';

/** What the agent's tools pick from: colleagues, teams, tags, templates, canned responses, customer accounts. */
export class CatalogService {
  constructor(
    private readonly repo: Repository,
    private readonly availability: Pick<AvailabilityService, 'all' | 'pauseTypes'>,
  ) {}

  async catalog(agent: Agent, online: ReadonlySet<string>): Promise<CommandResults['agent.catalog']> {
    const [agents, teams, tags, templates, cannedResponses, states, pauseTypes, channels, accounts] = await Promise.all([
      this.repo.listAgents(),
      this.repo.listAllTeams(),
      this.repo.listTagsOfTeams(agent.teamIds),
      this.repo.listTemplatesOfTeams(agent.teamIds),
      this.repo.listCannedResponses(agent.teamIds),
      this.availability.all(),
      this.availability.pauseTypes(),
      this.repo.listChannels(),
      this.repo.admin.accounts.list(),
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
        // None recorded: the agent has not connected since availability began.
        availability: states.get(a.id) ?? { agentId: a.id, state: 'offline', pauseTypeId: null, since: 0, pauseLimitMs: null },
        photoUrl: a.photoUrl,
      })),
      teams,
      tags,
      templates,
      cannedResponses,
      pauseTypes,
      // Key, kind and name only: a channel's secret never leaves the server. The webchat has no way out.
      channels: channels.filter((c) => c.kind !== 'webchat').map(({ key, kind, name }) => ({ key, kind, name })),
      // Inactive ones too: a contact linked to one before it was deactivated still shows its name.
      accounts,
    };
  }
}
