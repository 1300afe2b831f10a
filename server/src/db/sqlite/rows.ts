// Rows (column names as stored) into the entities and records the repository answers.
import type {
  Agent,
  AgentRole,
  Attachment,
  ChatMessage,
  Contact,
  ContactAddress,
  Message,
  Note,
  Session,
  SystemEvent,
  Tag,
  Team,
  Template,
} from '../../../../src/protocol/index.js';
import type { ChannelRecord, FileRecord, VisitorRecord, WebchatChannelRecord } from '../repository.js';
import type { Row } from './statements.js';

export const str = (value: unknown) => (value === null || value === undefined ? null : String(value));
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export function toTeam(row: Row): Team {
  return { id: String(row.id), name: String(row.name) };
}
/** From a row with the agent's rating totals (`rating_sum`, `rating_count`); `photoUrl` signs its photo's file id. */
export function toAgent(row: Row, teamIds: string[], photoUrl: (fileId: string) => string): Agent {
  const ratings = Number(row.rating_count ?? 0);
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    nickname: str(row.nickname),
    extension: str(row.extension),
    teamIds,
    role: String(row.role ?? 'agent') as AgentRole,
    permissions: {
      history: Boolean(row.perm_history),
      internalChat: Boolean(row.perm_internal_chat),
      statistics: Boolean(row.perm_statistics),
      bulkActions: Boolean(row.perm_bulk_actions),
      startConversations: Boolean(row.perm_start_conversations),
    },
    rating: ratings > 0 ? { average: Number(row.rating_sum) / ratings, count: ratings } : null,
    photoUrl: row.photo_file_id ? photoUrl(String(row.photo_file_id)) : null,
    language: str(row.language),
  };
}
/** A contact's row; its tags and addresses come from their own tables, its photo's url from `photoUrl`. */
export function toContact(row: Row, children: Pick<Contact, 'tagIds' | 'addresses'>, photoUrl: (fileId: string) => string): Contact {
  return {
    id: String(row.id),
    name: String(row.name),
    email: str(row.email),
    phone: str(row.phone),
    document: str(row.document),
    motherName: str(row.mother_name),
    phone2: str(row.phone2),
    active: Boolean(row.active),
    accountId: str(row.account_id),
    classification: str(row.classification),
    tagIds: children.tagIds,
    rg: str(row.rg),
    registration: str(row.registration),
    birthDate: str(row.birth_date),
    assignedAgentId: str(row.assigned_agent_id),
    extra1: str(row.extra1),
    extra2: str(row.extra2),
    extra3: str(row.extra3),
    photo: row.photo_file_id ? { fileId: String(row.photo_file_id), url: photoUrl(String(row.photo_file_id)) } : null,
    addresses: children.addresses,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    version: Number(row.version),
  };
}
export function toContactAddress(row: Row): ContactAddress {
  return {
    id: String(row.id),
    type: str(row.type) as ContactAddress['type'],
    cep: str(row.cep),
    street: str(row.street),
    number: str(row.number),
    complement: str(row.complement),
    neighbourhood: str(row.neighbourhood),
    city: str(row.city),
    reference: str(row.reference),
    location: str(row.location),
    houseType: str(row.house_type) as ContactAddress['houseType'],
    uf: str(row.uf) as ContactAddress['uf'],
  };
}
export function toSession(row: Row): Session {
  return {
    id: String(row.id),
    protocol: String(row.protocol),
    status: String(row.status) as Session['status'],
    channel: String(row.channel) as Session['channel'],
    channelKey: String(row.channel_key),
    teamId: String(row.team_id),
    contactId: String(row.contact_id),
    agentId: str(row.agent_id),
    targetAgentId: str(row.target_agent_id),
    invitedAgentIds: JSON.parse(String(row.invited_agent_ids ?? '[]')) as string[],
    tagIds: JSON.parse(String(row.tag_ids ?? '[]')) as string[],
    createdAt: Number(row.created_at),
    acceptedAt: num(row.accepted_at),
    finishedAt: num(row.finished_at),
    lastSeq: Number(row.last_seq),
    lastMessageAt: num(row.last_message_at),
    lastMessageText: str(row.last_message_text),
    lastInboundAt: num(row.last_inbound_at),
    agentName: str(row.agent_name),
    rating: num(row.rating),
    ratingComment: str(row.rating_comment),
    version: Number(row.version),
  };
}
export function toMessage(row: Row, attachments: Attachment[]): Message {
  return {
    id: String(row.id),
    sessionId: String(row.session_id),
    seq: Number(row.seq),
    authorKind: String(row.author_kind) as Message['authorKind'],
    authorId: str(row.author_id),
    authorName: String(row.author_name),
    kind: String(row.kind ?? 'text') as Message['kind'],
    text: String(row.text),
    attachments,
    templateId: str(row.template_id),
    system: row.system ? (JSON.parse(String(row.system)) as SystemEvent) : null,
    createdAt: Number(row.created_at),
    deliveredAt: num(row.delivered_at),
    readAt: num(row.read_at),
    // Only when the channel refused it: the key is absent otherwise.
    ...(row.failed_at == null
      ? {}
      : { failure: { code: 'CHANNEL_REFUSED' as const, message: String(row.failure_reason), at: Number(row.failed_at) } }),
  };
}
export function toChatMessage(row: Row, attachments: Attachment[]): ChatMessage {
  return {
    id: String(row.id),
    seq: Number(row.seq),
    fromAgentId: String(row.from_agent_id),
    toAgentId: String(row.to_agent_id),
    text: String(row.text),
    attachments,
    createdAt: Number(row.created_at),
    readAt: num(row.read_at),
  };
}
export function toFile(row: Row): FileRecord {
  return {
    id: String(row.id),
    ownerKind: String(row.owner_kind) as FileRecord['ownerKind'],
    ownerId: str(row.owner_id),
    name: String(row.name),
    size: Number(row.size),
    mime: String(row.mime),
    kind: String(row.kind) as FileRecord['kind'],
    createdAt: Number(row.created_at),
  };
}
export function toTag(row: Row): Tag {
  return { id: String(row.id), teamId: String(row.team_id), name: String(row.name), color: String(row.color) };
}
export function toNote(row: Row): Note {
  return {
    id: String(row.id),
    contactId: String(row.contact_id),
    text: String(row.text),
    authorId: String(row.author_id),
    authorName: String(row.author_name),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    version: Number(row.version),
  };
}
export function toTemplate(row: Row): Template {
  return {
    id: String(row.id),
    teamId: String(row.team_id),
    name: String(row.name),
    language: String(row.language),
    body: String(row.body),
    variables: JSON.parse(String(row.variables)) as string[],
  };
}
export function toVisitor(row: Row): VisitorRecord {
  return {
    id: String(row.id),
    channelKey: String(row.channel_key),
    contactId: String(row.contact_id),
    userId: str(row.user_id),
    createdAt: Number(row.created_at),
  };
}

export function toChannel(row: Row): ChannelRecord {
  return {
    key: String(row.key),
    kind: String(row.kind) as ChannelRecord['kind'],
    name: String(row.name),
    defaultTeamId: String(row.default_team_id),
    secret: String(row.secret),
  };
}
export function toWebchatChannel(row: Row, teamIds: string[]): WebchatChannelRecord {
  return {
    key: String(row.key),
    name: String(row.name),
    teamIds,
    allowedOrigins: JSON.parse(String(row.allowed_origins)) as string[],
    prechat: JSON.parse(String(row.prechat)) as WebchatChannelRecord['prechat'],
    menu: JSON.parse(String(row.menu)) as WebchatChannelRecord['menu'],
    appearance: JSON.parse(String(row.appearance)) as WebchatChannelRecord['appearance'],
    defaultLanguage: String(row.default_language),
    secret: str(row.secret),
  };
}
