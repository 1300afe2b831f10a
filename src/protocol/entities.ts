import * as v from 'valibot';
import type { ChannelText } from './channel-text.js';
import type { ContactField } from './contact-validation.js';
import type { ErrorCode } from './errors.js';

/** Ids are client- or server-generated strings (UUIDs in practice); kept opaque. */
export const Id = v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(64, 'is too long'));

/** Milliseconds since the epoch; every timestamp on the wire is one of these. */
export type Timestamp = number;

export const SESSION_STATUSES = ['waiting', 'active', 'pending', 'finished'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const CHANNEL_KINDS = ['webchat', 'whatsapp', 'email', 'telegram', 'instagram', 'messenger'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface Team {
  id: string;
  name: string;
}

export interface AgentPermissions {
  /** May read finished sessions of teams it does not belong to (the contact's whole history). */
  history: boolean;
  /** May use the internal chat between agents. */
  internalChat: boolean;
  /** May see the statistics (waiting, in service, finished today, average rating). */
  statistics: boolean;
  /** May act on many sessions at once (bulk finish, bulk rescue). */
  bulkActions: boolean;
  /** May start conversations with contacts (outbound). */
  startConversations: boolean;
}

/**
 * What an agent may administer, from most to least: the owner (everything, other owners too),
 * admins (the company's configuration and agents), supervisors (their teams' agents and sessions),
 * agents (their own work).
 */
export type AgentRole = 'owner' | 'admin' | 'supervisor' | 'agent';

export interface Agent {
  id: string;
  name: string;
  email: string;
  nickname: string | null;
  extension: string | null;
  teamIds: string[];
  role: AgentRole;
  permissions: AgentPermissions;
  /** From the contacts' ratings; null before the first one. */
  rating: RatingSummary | null;
  /** A signed, expiring url of the agent's photo; null without one. */
  photoUrl: string | null;
  /** The UI language the agent chose (a BCP 47 tag such as `pt-BR`); null: the page's. */
  language: string | null;
}

/**
 * Whether an agent takes sessions now: `online` (working), `paused` (a pause of some type),
 * `away` (every socket gone for the company's grace period), `offline` (logged out).
 */
export type AgentState = 'online' | 'paused' | 'away' | 'offline';

/** An agent's state and since when; routing offers sessions only to `online` agents. */
export interface AgentAvailability {
  agentId: string;
  state: AgentState;
  pauseTypeId: string | null;
  since: number;
  /** the pause type's limit, ms; null: none or not paused */
  pauseLimitMs: number | null;
}

/** A channel an agent can start a conversation on (it has a way out: WhatsApp), as the catalog lists it. */
export interface OutboundChannel {
  key: string;
  kind: ChannelKind;
  name: string;
}

/** A kind of pause an agent picks (lunch, training…), with its time limit; set by the admin. */
export interface PauseType {
  id: string;
  name: string;
  timeLimitMs: number | null;
}

/** What the statistics permission lets an agent see, counted by the server. */
export interface AgentStats {
  /** Sessions waiting now in the agent's teams. */
  waiting: number;
  /** The agent's active and pending sessions. */
  inService: number;
  /** Sessions the agent finished today (the company's time zone, else UTC). */
  finishedToday: number;
  averageRating: number | null;
  ratingCount: number;
}

/** What an agent sees of its colleagues: for transfers and invitations. */
export interface AgentSummary {
  id: string;
  name: string;
  nickname: string | null;
  teamIds: string[];
  /** Has at least one connected socket now. */
  online: boolean;
  /** From the contacts' ratings; null before the first one. */
  rating: RatingSummary | null;
  availability: AgentAvailability;
  photoUrl: string | null;
}

/** What an address is for (manual 004, "Tipo de endereço"); the forms translate each. */
export const ADDRESS_TYPES = ['home', 'work', 'billing', 'delivery', 'other'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

/** What kind of building the address is (manual 004, "Tipo de casa"). */
export const HOUSE_TYPES = ['house', 'apartment', 'condominium', 'commercial', 'rural', 'other'] as const;
export type HouseType = (typeof HOUSE_TYPES)[number];

/** The 27 federative units of Brazil (26 states and the Federal District). */
export const BRAZILIAN_UFS = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA',
  'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
] as const; // prettier-ignore
export type BrazilianUf = (typeof BRAZILIAN_UFS)[number];

/**
 * One of a contact's addresses. Empty fields are null; `type`, `cep`, `street`, `number`,
 * `neighbourhood`, `city` and `uf` are required once any field is filled (`contact-validation.ts`).
 */
export interface ContactAddress {
  /** Generated by the client. */
  id: string;
  type: AddressType | null;
  /** 8 digits, no hyphen. */
  cep: string | null;
  street: string | null;
  number: string | null;
  complement: string | null;
  neighbourhood: string | null;
  city: string | null;
  /** A reference point ("ponto de referência"). */
  reference: string | null;
  /** Where it is: coordinates, a map link or a description. */
  location: string | null;
  houseType: HouseType | null;
  uf: BrazilianUf | null;
}

/** A contact's photo: an image uploaded through `POST /api/files`, and its signed, expiring url. */
export interface ContactPhoto {
  fileId: string;
  url: string;
}

/** A contact: the whole record of manual 004 (tabs Contact and Addresses). */
export interface Contact {
  id: string;
  name: string;
  email: string | null;
  /** E.164, e.g. `+5511987654321`. Channels find the contact by it. */
  phone: string | null;
  /** CPF (11 digits) or CNPJ (14 digits), digits only. */
  document: string | null;
  motherName: string | null;
  /** E.164; informational only: never finds, creates or routes a session. */
  phone2: string | null;
  /** The company's own flag (manual: "Ativo?"); flows may branch on it. */
  active: boolean;
  /** The customer account the contact is linked to ("Conta"): a `CustomerAccount`'s id (the catalog lists them). */
  accountId: string | null;
  /** One of the company's classifications (`ContactSettings.classifications`), or a value saved before it listed them. */
  classification: string | null;
  /** Ids of the company's tags (`Tag`). */
  tagIds: string[];
  /** RG (identity card), as written. */
  rg: string | null;
  /** Matrícula: the company's own registration number. */
  registration: string | null;
  /** `YYYY-MM-DD`, not in the future. */
  birthDate: string | null;
  /** The contact's own agent ("carteira fixa"). */
  assignedAgentId: string | null;
  extra1: string | null;
  extra2: string | null;
  extra3: string | null;
  photo: ContactPhoto | null;
  addresses: ContactAddress[];
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Grows by one on every change. */
  version: number;
}

/** The record fields beyond the ones every channel knows (name, e-mail, phone, document). */
export type ContactRecordFields = Omit<Contact, 'id' | 'name' | 'email' | 'phone' | 'document' | 'createdAt' | 'updatedAt' | 'version'>;

/** What a contact created by a channel or a form has before anyone fills the rest of its record (fresh arrays each call). */
export function emptyContactRecord(): ContactRecordFields {
  return {
    motherName: null,
    phone2: null,
    active: true,
    accountId: null,
    classification: null,
    tagIds: [],
    rg: null,
    registration: null,
    birthDate: null,
    assignedAgentId: null,
    extra1: null,
    extra2: null,
    extra3: null,
    photo: null,
    addresses: [],
  };
}

/** What the company requires of a contact and accepts as its photo (`contact.settings`). */
export interface ContactSettings {
  /** Fields `contact.save` refuses empty (`contact-validation.ts`'s CONTACT_FIELDS); always has `name`. */
  requiredFields: ContactField[];
  photo: { maxBytes: number; types: string[] };
  /** The classifications an agent picks from, in the admin's order; a contact's other value is kept but not offered. */
  classifications: string[];
}

/**
 * A customer account ("Conta", manual 004) a contact is linked to and a conversation is started in.
 * The company's list (admin API: accounts); an inactive one stays on its contacts but is not offered.
 */
export interface CustomerAccount {
  id: string;
  name: string;
  active: boolean;
}

/** What a CEP provider knows of a CEP (`contact.cep`); a CEP of a whole city has no street. */
export interface CepAddress {
  cep: string;
  street: string | null;
  neighbourhood: string | null;
  city: string;
  uf: BrazilianUf;
}

export interface Session {
  id: string;
  /** Unique, human-readable code, e.g. `20261122-000042`. */
  protocol: string;
  status: SessionStatus;
  channel: ChannelKind;
  /** The channel instance (e.g. the webchat channel's key). */
  channelKey: string;
  teamId: string;
  contactId: string;
  /** Owner; `null` while waiting. */
  agentId: string | null;
  /** While waiting: the one agent it waits for (a transfer to an agent, an assigned agent); else the whole team. */
  targetAgentId: string | null;
  /** Collaborators invited by the owner: they read and write too, and may leave. */
  invitedAgentIds: string[];
  /** Tags from the team's list; agents only. */
  tagIds: string[];
  createdAt: Timestamp;
  acceptedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  /** Highest message sequence number in this session (0 when there is none). */
  lastSeq: number;
  lastMessageAt: Timestamp | null;
  lastMessageText: string | null;
  /** Last message written by the contact: opens the conversation window. */
  lastInboundAt: Timestamp | null;
  /** The owner's nickname, else name, for the contact to see (null while waiting). */
  agentName: string | null;
  /** The contact's rating (1–5) at the end, and its comment. */
  rating: number | null;
  ratingComment: string | null;
  /** Grows by one on every change, so clients keep the newest copy whatever the arrival order. */
  version: number;
}

export type AuthorKind = 'contact' | 'agent' | 'system';

export type AttachmentKind = 'image' | 'audio' | 'video' | 'file';

/** A stored file. `url` is signed and expires; ask again (e.g. `session.sync`) for a fresh one. */
export interface Attachment {
  id: string;
  name: string;
  /** Bytes. */
  size: number;
  /** Sniffed from the content, not taken from the uploader. */
  mime: string;
  kind: AttachmentKind;
  url: string;
}

/**
 * What a system message records in a session's history; clients word it in their own language.
 * Names are as they were at the time.
 */
export type SystemEvent =
  | { type: 'accepted'; agentId: string; agentName: string }
  | {
      type: 'transferred';
      byAgentId: string;
      byAgentName: string;
      toTeamId: string;
      toTeamName: string;
      toAgentId: string | null;
      toAgentName: string | null;
      note: string | null;
    }
  | { type: 'invited'; byAgentId: string; byAgentName: string; agentId: string; agentName: string }
  | { type: 'left'; agentId: string; agentName: string }
  | { type: 'parked'; agentId: string; agentName: string }
  | { type: 'rescued'; agentId: string; agentName: string }
  | { type: 'finished'; agentId: string | null; agentName: string | null; bulk: boolean }
  | { type: 'expired' };

export type MessageKind = 'text' | 'template' | 'system';

export interface Message {
  /** Generated by the sender's client; the server keeps one row per id. */
  id: string;
  sessionId: string;
  /** Per-session sequence number, from 1, assigned by the server. */
  seq: number;
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string;
  kind: MessageKind;
  /** The words; for a template, the body with its variables filled in. May be empty with attachments. */
  text: string;
  attachments: Attachment[];
  templateId: string | null;
  /** For `kind: 'system'`: what happened. */
  system: SystemEvent | null;
  createdAt: Timestamp;
  /** When the other side's client (or the channel) received it, and when it was shown there. */
  deliveredAt: Timestamp | null;
  readAt: Timestamp | null;
  /**
   * Present only when the channel refused the message after the server stored it (WhatsApp answered
   * an error, or kept failing): the code (worded by the elements), the channel's reason (English) and when.
   */
  failure?: MessageFailure;
}

/**
 * Why a channel did not deliver a stored message: `CHANNEL_REFUSED`, the channel said no;
 * `CHANNEL_UNCONFIRMED`, the server stopped while handing it over, so whether it arrived is unknown.
 */
export interface MessageFailure {
  code: 'CHANNEL_REFUSED' | 'CHANNEL_UNCONFIRMED';
  message: string;
  at: Timestamp;
}

/** A message as the client holds it: also the ones not yet acknowledged. */
export type MessageStatus = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';
export interface ClientMessage extends Message {
  status: MessageStatus;
  /** Why a `failed` message was refused: the server's code (worded by the elements) and its English message. */
  errorCode?: ErrorCode;
  error?: string;
}

/** A label from a team's list, put on sessions by agents. */
export interface Tag {
  id: string;
  teamId: string;
  name: string;
  /** A CSS colour, e.g. `#2e7d32`. */
  color: string;
}

/** A note on a contact: every agent sees, edits and deletes them. */
export interface Note {
  id: string;
  contactId: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: number;
}

/**
 * A message template (WhatsApp's HSM): required outside the conversation window. `body` holds
 * `{{name}}` placeholders, one per entry of `variables`.
 */
export interface Template {
  id: string;
  teamId: string;
  name: string;
  language: string;
  body: string;
  variables: string[];
}

/** A canned response: picked in the composer by typing `/` and its shortcut. */
export interface CannedResponse {
  id: string;
  /** `null`: for every team. */
  teamId: string | null;
  shortcut: string;
  title: string;
  text: string;
  attachments: Attachment[];
}

/** A file in the contact's gallery: where it was sent. */
export interface GalleryItem extends Attachment {
  sessionId: string;
  messageId: string;
  createdAt: Timestamp;
}

/** How long a contact's last message keeps the conversation window open on WhatsApp. */
export const CONVERSATION_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Channels where free text needs an open conversation window. */
const WINDOWED_CHANNELS: readonly ChannelKind[] = ['whatsapp'];

/** When the conversation window closes, or `null` when the channel has none (always open). */
export function windowClosesAt(session: Pick<Session, 'channel' | 'lastInboundAt'>): Timestamp | null {
  if (!WINDOWED_CHANNELS.includes(session.channel)) return null;
  return session.lastInboundAt === null ? 0 : session.lastInboundAt + CONVERSATION_WINDOW_MS;
}

/** Whether free text is refused at `now`: the channel has a window and it has closed. */
export function isWindowClosed(session: Pick<Session, 'channel' | 'lastInboundAt'>, now: Timestamp): boolean {
  const closesAt = windowClosesAt(session);
  return closesAt !== null && closesAt <= now;
}

/** Bulk actions (rescue, finish) take at most this many sessions. */
export const BULK_LIMIT = 50;

/** Whether the pre-chat form asks for a field, and whether the visitor must fill it. */
export type PrechatRule = 'hidden' | 'optional' | 'required';

/** A team of a webchat channel as the visitor sees it. */
export interface WebchatTeam extends Team {
  /** Within the team's working hours now (a team without configured hours is always open). */
  online: boolean;
}

/** One numbered option of the channel's menu ("fluxo de atendimento"): it routes to a team. */
export interface WebchatMenuOption {
  /** Per language; in none the widget can show, the option is named after its team. */
  label: ChannelText;
  teamId: string;
}

/** How the widget looks, set per channel (the page's `--conecta-*` properties still win). */
export interface WebchatAppearance {
  /** The accent colour, a CSS hex colour like `#0b6bcb`. */
  color: string;
  position: 'left' | 'right';
  launcherIcon: 'chat' | 'help' | 'headset';
  /** Shown at the top of the pre-chat form (plain text, per language), or null for the widget's own text. */
  greeting: ChannelText | null;
}

/** What a website visitor may see of a webchat channel before starting. */
export interface WebchatChannel {
  key: string;
  name: string;
  /** The teams the channel routes to, in menu order. */
  teams: WebchatTeam[];
  /** Which of name, e-mail and phone the pre-chat form asks for. */
  prechat: { name: PrechatRule; email: PrechatRule; phone: PrechatRule };
  /**
   * The menu shown after the pre-chat form. With one option or none the visitor is routed without
   * being asked (to the option's team, else the channel's first team).
   */
  menu: { prompt: ChannelText | null; options: WebchatMenuOption[] };
  appearance: WebchatAppearance;
  /**
   * The language the channel's texts fall back to when they lack the visitor's (see `pickChannelText`).
   * Every language comes in one answer: a widget switching language (`setLocale`) fetches nothing.
   */
  defaultLanguage: string;
  /**
   * Whether any team of the channel is within its working hours now. When not, the widget shows the
   * offline form, whose message starts a waiting session all the same.
   */
  online: boolean;
}

/** A site's logged-in user, vouched for with `hash` = hex HMAC-SHA256 of `id` keyed with the channel's secret. */
export interface WebchatUser {
  id: string;
  hash: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** Where a waiting webchat session stands: told to its visitor whenever it changes. */
export interface QueuePosition {
  sessionId: string;
  /** 1 for the next session to be accepted in its team. */
  position: number;
  /** Estimated wait in ms (from the team's recent waits), or null when there is too little history. */
  etaMs: number | null;
}

/** An agent's rating average from the contacts' 1–5 ratings at the end of sessions. */
export interface RatingSummary {
  average: number;
  count: number;
}

/** What a visitor is told about itself. */
export interface Visitor {
  id: string;
  contactId: string;
  channelKey: string;
  /** The site's user id when the site vouched for the visitor (identity verification), else null. */
  userId: string | null;
}
