import type * as v from 'valibot';
import {
  AgentInput,
  AvailabilitySettingsInput,
  CannedResponseInput,
  ContactSettingsInput,
  CustomerAccountInput,
  PauseTypeInput,
  TagInput,
  TeamInput,
  TemplateInput,
  WebchatChannelInput,
  WhatsappChannelInput,
} from '../admin/schemas.js';
import type { ConfigPath } from './config-error.js';

/** The lists of a company file, in the order they are applied (a team before the agents in it). */
export const SECTION_NAMES = [
  'teams',
  'agents',
  'webchatChannels',
  'whatsappChannels',
  'tags',
  'templates',
  'cannedResponses',
  'pauseTypes',
  'accounts',
  'contactSettings',
  'availabilitySettings',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Another resource a field names, to check that it exists (in the file or the database). */
export interface Reference {
  /** Inside the resource, e.g. `['menu', 'options', 0, 'teamId']`. */
  path: ConfigPath;
  section: SectionName;
  id: string;
}

/** How one list of the company file maps onto one administered resource. */
export interface Section {
  name: SectionName;
  /** The admin API's input: what the file's entry becomes (without its id). */
  input: v.GenericSchema<unknown, Record<string, unknown>>;
  /** Written in the file as a duration (`30m`), stored in milliseconds: file field → input field. */
  durations?: Readonly<Record<string, string>>;
  /** Fields whose value must come from the environment, never be written in the file. */
  secrets?: readonly string[];
  /** Input fields the file may not set, and why. */
  forbidden?: Readonly<Record<string, string>>;
  /** Fields whose order means nothing (memberships, sorted by the database): compared as sets. */
  unordered?: readonly string[];
  references?: (input: Record<string, unknown>) => Reference[];
  /** Why a stored resource the file does not list may not be pruned, or null. */
  protectedReason?: (stored: Record<string, unknown>) => string | null;
  /** The file writes one mapping, not a list: the resource with this id (company settings). */
  singleton?: string;
}

const teamRef = (path: ConfigPath, id: unknown): Reference[] => (typeof id === 'string' ? [{ path, section: 'teams', id }] : []);
const teamRefs = (field: string, ids: unknown): Reference[] =>
  Array.isArray(ids) ? ids.flatMap((id, index) => teamRef([field, index], id)) : [];

export const SECTIONS: readonly Section[] = [
  {
    name: 'teams',
    input: TeamInput,
    durations: { waitingTimeout: 'waitingTimeoutMs' },
    forbidden: {
      memberIds: 'list the teams on each agent (teamIds) instead',
      waitingTimeoutMs: 'write waitingTimeout, a duration like 30m',
    },
  },
  {
    name: 'agents',
    input: AgentInput,
    // `password` is not the admin API's: the file sets it when it creates the agent (see apply-company.ts).
    secrets: ['password'],
    unordered: ['teamIds'],
    references: (agent) => teamRefs('teamIds', agent.teamIds),
    // The owner made with `conecta-server owner create` is in no file: pruning agents must not lock the company out.
    protectedReason: (agent) => (agent.role === 'owner' ? 'an owner is never pruned' : null),
  },
  {
    name: 'webchatChannels',
    input: WebchatChannelInput,
    secrets: ['identitySecret'],
    references: (channel) => {
      const options = (channel.menu as { options?: { teamId?: unknown }[] } | undefined)?.options ?? [];
      return [
        ...teamRefs('teamIds', channel.teamIds),
        ...options.flatMap((option, index) => teamRef(['menu', 'options', index, 'teamId'], option.teamId)),
      ];
    },
  },
  {
    name: 'whatsappChannels',
    input: WhatsappChannelInput,
    secrets: ['accessToken', 'appSecret', 'verifyToken'],
    references: (channel) => teamRef(['defaultTeamId'], channel.defaultTeamId),
  },
  { name: 'tags', input: TagInput, references: (tag) => teamRef(['teamId'], tag.teamId) },
  { name: 'templates', input: TemplateInput, references: (template) => teamRef(['teamId'], template.teamId) },
  { name: 'cannedResponses', input: CannedResponseInput, references: (canned) => teamRef(['teamId'], canned.teamId) },
  {
    name: 'pauseTypes',
    input: PauseTypeInput,
    durations: { timeLimit: 'timeLimitMs' },
    forbidden: { timeLimitMs: 'write timeLimit, a duration like 15m' },
  },
  { name: 'accounts', input: CustomerAccountInput },
  {
    name: 'contactSettings',
    input: ContactSettingsInput,
    singleton: 'contact',
    protectedReason: () => 'the company settings are never pruned',
  },
  {
    name: 'availabilitySettings',
    input: AvailabilitySettingsInput,
    durations: { awayGrace: 'awayGraceMs' },
    forbidden: { awayGraceMs: 'write awayGrace, a duration like 2m' },
    singleton: 'availability',
    protectedReason: () => 'the company settings are never pruned',
  },
];
