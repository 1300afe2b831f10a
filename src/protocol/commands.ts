import * as v from 'valibot';
import { BULK_LIMIT, CHANNEL_KINDS, Id, SESSION_STATUSES } from './entities.js';
import type { ChatConversation, ChatMessage } from './internal-chat.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';
import { E164_PATTERN, EMAIL_MAX_LENGTH, EMAIL_PATTERN, NAME_MAX_LENGTH } from './contact-rules.js';
import { CepInput, ContactRecordChanges } from './contact-record-schema.js';
import { CONTACT_PROBLEM_MESSAGES, isCpfOrCnpj } from './contact-validation.js';
import { MAX_WAITING_PAGE, WAITING_PAGE_SIZE, type WaitingQueuePage } from './waiting-queue.js';
import type {
  Agent,
  AgentAvailability,
  AgentStats,
  AgentSummary,
  CannedResponse,
  CepAddress,
  Contact,
  ContactSettings,
  CustomerAccount,
  GalleryItem,
  Message,
  Note,
  OutboundChannel,
  PauseType,
  QueuePosition,
  Session,
  Tag,
  Team,
  Template,
} from './entities.js';

/** A contact's name, e-mail and phone (`contact-rules.ts`): also the server's identity verification and webhooks. */
export const ContactName = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'is required'),
  v.maxLength(NAME_MAX_LENGTH, `is too long (${NAME_MAX_LENGTH} characters at most)`),
);
/** A name that may be empty (then "not given"): a site's user, a channel's sender. */
export const OptionalContactName = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.maxLength(NAME_MAX_LENGTH, `is too long (${NAME_MAX_LENGTH} characters at most)`),
);
export const ContactEmail = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(EMAIL_MAX_LENGTH, 'is too long'),
  v.regex(EMAIL_PATTERN, 'is not a valid e-mail address'),
);
/** E.164: the form turns DDI + national number into this with libphonenumber-js. */
export const ContactPhone = v.pipe(v.string('must be a string'), v.regex(E164_PATTERN, 'is not a valid international phone number'));
const optional = <T extends v.GenericSchema>(schema: T) => v.optional(v.nullable(schema), null);
const Seq = v.pipe(v.number(), v.integer(), v.minValue(0));
const PageSize = (max: number, fallback: number) => v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max)), fallback);
/** 1 to BULK_LIMIT distinct session ids. */
const SessionIds = v.pipe(
  v.array(Id),
  v.minLength(1, 'must list at least one session'),
  v.maxLength(BULK_LIMIT, `lists more than ${BULK_LIMIT} sessions: select at most ${BULK_LIMIT} at once`),
  v.check((ids) => new Set(ids).size === ids.length, 'lists a session twice'),
);
/** CPF (11 digits) or CNPJ (14 digits) with valid check digits; punctuation is dropped. */
const Document = v.pipe(
  v.string(),
  v.transform((text) => text.replace(/[.\-/\s]/g, '')),
  v.check(isCpfOrCnpj, CONTACT_PROBLEM_MESSAGES.document),
);
const NoteText = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(4000, 'is too long (4000 characters at most)'),
);
/** A message's text: what `message.send` accepts. */
const MessageText = v.pipe(v.string(), v.trim(), v.maxLength(MAX_MESSAGE_LENGTH, `is too long (${MAX_MESSAGE_LENGTH} characters at most)`));
const Query = v.pipe(v.string(), v.trim(), v.maxLength(120, 'is too long'));
/** Keys valibot's record() drops without a word (its guard against prototype pollution): refused by name instead. */
const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
/** A template's variables, name → value. */
const TemplateVariables = v.pipe(
  // Typed as the record below (for callers), checked for what record() would drop.
  v.custom<Record<string, string>>((input) => typeof input === 'object' && input !== null, 'must be an object'),
  v.rawCheck(({ dataset, addIssue }) => {
    const input = dataset.value;
    if (!input || typeof input !== 'object') return;
    for (const key of Object.keys(input)) {
      if (!RESERVED_KEYS.includes(key)) continue;
      const value = (input as Record<string, unknown>)[key];
      addIssue({
        message: 'is a reserved name',
        path: [{ type: 'object', origin: 'key', input: input as Record<string, unknown>, key, value }],
      });
    }
  }),
  v.record(v.string(), v.pipe(v.string(), v.trim(), v.maxLength(500, 'is too long'))),
);

/**
 * Every command a client may send, with the schema its payload must pass.
 * `who` says which identity may send it; the server also checks ownership and membership.
 */
export const commandSchemas = {
  /**
   * Swap the socket's token for a fresh one of the same agent (from `getToken()` before the old one
   * expires), without reconnecting: rooms, followed sessions and pending commands stay as they are.
   */
  'auth.refresh': { who: 'agent', payload: v.strictObject({ token: v.pipe(v.string(), v.minLength(1), v.maxLength(512)) }) },
  /**
   * The agent's profile, teams, and the sessions it may see now: its own (active, pending, invited to,
   * waiting for it) whole, and the first page of those waiting for its teams with their counts
   * (`waiting`; further pages with `queue.page`).
   */
  'agent.snapshot': { who: 'agent', payload: v.strictObject({}) },
  /**
   * The next page of sessions waiting for the agent's teams (or for `teamId`, one of them), in the
   * queue's order, after `after` (null: from the start); with the counts as they are now.
   */
  'queue.page': {
    who: 'agent',
    payload: v.strictObject({
      teamId: optional(Id),
      after: optional(v.strictObject({ createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)), id: Id })),
      limit: PageSize(MAX_WAITING_PAGE, WAITING_PAGE_SIZE),
    }),
  },
  /** Start a pause of a type the admin configured, or switch to another type (the current pause ends, a new one starts). */
  'agent.pause': { who: 'agent', payload: v.strictObject({ pauseTypeId: Id }) },
  /** End the caller's pause: it is online again and sessions are offered to it. */
  'agent.resume': { who: 'agent', payload: v.strictObject({}) },
  /** The caller's counters (waiting in its teams, in service, finished today, rating); needs the statistics permission. */
  'agent.stats': { who: 'agent', payload: v.strictObject({}) },
  /** Change the caller's own nickname, extension, UI language or photo (a file id from `POST /api/files`); null clears. */
  'agent.profile': {
    who: 'agent',
    payload: v.strictObject({
      nickname: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(60, 'is too long (60 characters at most)')))),
      extension: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(20, 'is too long (20 characters at most)')))),
      language: v.optional(
        v.nullable(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a language tag such as pt-BR'))),
      ),
      photoFileId: v.optional(v.nullable(Id)),
    }),
  },
  /** Change the caller's password: `current` must match; the agent's other tokens are revoked. */
  'agent.password': {
    who: 'agent',
    payload: v.strictObject({
      current: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(256)),
      next: v.pipe(v.string(), v.maxLength(256)),
    }),
  },
  /** Take a waiting session: it becomes `active` and owned by the caller. */
  'session.accept': { who: 'agent', payload: v.strictObject({ sessionId: Id }) },
  /** End an active or pending session owned by the caller. */
  'session.finish': { who: 'agent', payload: v.strictObject({ sessionId: Id }) },
  /**
   * A session, its contact, and its messages after `afterSeq`, at most `limit` of them, oldest first.
   * With `afterSeq: 0` it answers the newest `limit` messages (the tail) and `hasOlder`; with a
   * later `afterSeq`, the ones after it and `hasMore` (ask again from the last one). The resync.
   * Also starts following the session (its events reach the caller from now on).
   */
  'session.sync': {
    who: 'any',
    payload: v.strictObject({ sessionId: Id, afterSeq: v.optional(Seq, 0), limit: PageSize(1000, 200) }),
  },
  /** Messages before `beforeSeq`, at most `limit`, oldest first: scrolling back in a long session. */
  'session.older': {
    who: 'any',
    payload: v.strictObject({ sessionId: Id, beforeSeq: Seq, limit: PageSize(200, 100) }),
  },
  /**
   * Write in a session. `id` is generated by the sender; resending it returns the first result.
   * `text` may be empty when files are attached (ids from `POST /api/files`). On WhatsApp, an
   * agent's free text outside the conversation window is refused with WINDOW_CLOSED.
   */
  'message.send': {
    who: 'any',
    payload: v.pipe(
      v.strictObject({
        id: Id,
        sessionId: Id,
        text: v.optional(MessageText, ''),
        attachmentIds: v.optional(v.pipe(v.array(Id), v.maxLength(10, 'has more than 10 files')), []),
      }),
      v.forward(
        v.check((message) => message.text.length > 0 || message.attachmentIds.length > 0, 'must not be empty'),
        ['text'],
      ),
    ),
  },
  /** Send a template (allowed with the window closed): its body with `variables` filled in. */
  'message.sendTemplate': {
    who: 'agent',
    payload: v.strictObject({
      id: Id,
      sessionId: Id,
      templateId: Id,
      variables: v.optional(TemplateVariables, {}),
    }),
  },
  /**
   * Start a conversation with a contact on a channel with a way out (WhatsApp): a new session,
   * active for the caller in `teamId`, and its first message — a template (`templateId`, the only
   * kind allowed with the window closed) or free text. Needs the startConversations permission.
   * `destination` `flow` ("fluxo automático"): once the first message is out, the session goes where
   * the channel's automatic flow sends a conversation the contact starts — waiting in the channel's
   * own team — instead of staying with the caller (`teamId` is then the team whose template is sent).
   * Resending the same `sessionId` and message `id` answers the first result.
   */
  'session.start': {
    who: 'agent',
    payload: v.pipe(
      v.strictObject({
        sessionId: Id,
        contactId: Id,
        channelKey: Id,
        teamId: Id,
        destination: v.optional(v.picklist(['team', 'flow']), 'team'),
        message: v.strictObject({
          id: Id,
          templateId: optional(Id),
          variables: v.optional(TemplateVariables, {}),
          text: v.optional(MessageText, ''),
        }),
      }),
      v.forward(
        v.check(({ message }) => Boolean(message.templateId) !== message.text.length > 0, 'must have a templateId or a text, not both'),
        ['message'],
      ),
    ),
  },
  /** The caller's client received (`delivered`) or showed (`read`) the other side's messages up to `upToSeq`. */
  'message.receipt': {
    who: 'any',
    payload: v.strictObject({ sessionId: Id, upToSeq: v.pipe(Seq, v.minValue(1)), status: v.picklist(['delivered', 'read']) }),
  },
  /** The caller started or stopped typing; relayed to the other side, never stored. */
  'session.typing': { who: 'any', payload: v.strictObject({ sessionId: Id, typing: v.boolean() }) },
  /** Colleagues, tags, templates and canned responses of the agent's teams. */
  'agent.catalog': { who: 'agent', payload: v.strictObject({}) },
  /** Internal chat (needs the internalChat permission): the caller's conversations, the newest first. */
  'chat.list': { who: 'agent', payload: v.strictObject({}) },
  /** Internal chat: messages with a colleague before `beforeSeq` (the newest when absent), at most `limit`, oldest first. */
  'chat.history': {
    who: 'agent',
    payload: v.strictObject({ withAgentId: Id, beforeSeq: v.optional(Seq), limit: PageSize(200, 50) }),
  },
  /**
   * Internal chat: write to a colleague who also has the permission. `id` is generated by the sender;
   * resending it returns the first result. `text` may be empty when files are attached (`POST /api/files`).
   */
  'chat.send': {
    who: 'agent',
    payload: v.pipe(
      v.strictObject({
        id: Id,
        toAgentId: Id,
        text: v.optional(MessageText, ''),
        attachmentIds: v.optional(v.pipe(v.array(Id), v.maxLength(10, 'has more than 10 files')), []),
      }),
      v.forward(
        v.check((message) => message.text.length > 0 || message.attachmentIds.length > 0, 'must not be empty'),
        ['text'],
      ),
    ),
  },
  /** Internal chat: the caller read the colleague's messages up to `upToSeq`. */
  'chat.read': { who: 'agent', payload: v.strictObject({ withAgentId: Id, upToSeq: v.pipe(Seq, v.minValue(1)) }) },
  /**
   * Sessions of the agent's teams whose contact matches `query` (name, CPF/CNPJ or phone digits),
   * newest interaction first; for queues too large to hold.
   */
  'queue.search': {
    who: 'agent',
    payload: v.strictObject({
      query: Query,
      teamId: optional(Id),
      statuses: v.optional(v.array(v.picklist(SESSION_STATUSES)), ['waiting', 'active', 'pending']),
      limit: PageSize(100, 50),
    }),
  },
  /** Park an active session of the caller's: it becomes `pending` (rescue makes it active again). */
  'session.park': { who: 'agent', payload: v.strictObject({ sessionId: Id }) },
  /** Make pending sessions of the caller's active again; up to 50 at once. */
  'session.rescue': { who: 'agent', payload: v.strictObject({ sessionIds: SessionIds }) },
  /** Finish up to 50 sessions of the caller's at once; no rating survey is sent. */
  'session.finishMany': { who: 'agent', payload: v.strictObject({ sessionIds: SessionIds }) },
  /**
   * Hand a session to a team (waiting for the whole team) or to one agent of that team (waiting
   * for that agent). Recorded in the session's history with the optional note.
   */
  'session.transfer': {
    who: 'agent',
    payload: v.strictObject({
      sessionId: Id,
      toTeamId: Id,
      toAgentId: optional(Id),
      note: optional(v.pipe(v.string(), v.trim(), v.maxLength(500, 'is too long (500 characters at most)'))),
    }),
  },
  /** Invite a colleague into the caller's session: they read and write, each message signed. */
  'session.invite': { who: 'agent', payload: v.strictObject({ sessionId: Id, agentId: Id }) },
  /** An invited agent leaves the session. */
  'session.leave': { who: 'agent', payload: v.strictObject({ sessionId: Id }) },
  /** Set the session's tags (from its team's list). */
  'session.setTags': {
    who: 'agent',
    payload: v.strictObject({ sessionId: Id, tagIds: v.pipe(v.array(Id), v.maxLength(20, 'has more than 20 tags')) }),
  },
  /**
   * A contact's sessions on every channel, newest first. Sessions of other teams need the history
   * permission; without it, only the agent's teams' sessions are listed. `exceptChannel` leaves one
   * channel out and `state` keeps only the open (waiting, active, pending) or the finished ones: a
   * session's "other channels" page through the finished ones without the open ones or its own channel.
   */
  'contact.history': {
    who: 'agent',
    payload: v.strictObject({
      contactId: Id,
      before: optional(v.number()),
      limit: PageSize(100, 30),
      exceptChannel: optional(v.picklist(CHANNEL_KINDS)),
      state: optional(v.picklist(['open', 'finished'])),
    }),
  },
  /** Files exchanged with a contact, in every session the caller may see, newest first. */
  'contact.gallery': { who: 'agent', payload: v.strictObject({ contactId: Id, limit: PageSize(200, 60) }) },
  'note.list': { who: 'agent', payload: v.strictObject({ contactId: Id }) },
  /** Create or edit a note; `id` is generated by the client for a new one. */
  'note.save': { who: 'agent', payload: v.strictObject({ id: Id, contactId: Id, text: NoteText }) },
  'note.delete': { who: 'agent', payload: v.strictObject({ noteId: Id }) },
  'contact.get': { who: 'agent', payload: v.strictObject({ contactId: Id }) },
  /**
   * The contact directory: contacts whose name contains `query` (any case, any accents), or whose
   * CPF/CNPJ or phone starts with its digits (masks accepted; a phone in any format is matched as
   * E.164), or whose e-mail starts with it. An empty query lists everyone. `channel` keeps the
   * contacts who used a channel of that kind or can be reached on it (a phone, for WhatsApp);
   * `accountId` the contacts linked to that customer account ("Gerar atendimento → Conta").
   * Ordered by name; `after` is the previous page's `next`.
   */
  'contact.search': {
    who: 'agent',
    payload: v.strictObject({
      query: v.optional(Query, ''),
      channel: optional(v.picklist(CHANNEL_KINDS)),
      accountId: optional(Id),
      after: optional(v.pipe(v.string(), v.maxLength(400, 'is too long'))),
      limit: PageSize(100, 30),
    }),
  },
  /** Create or update a contact; `id` is generated by the client for a new one. */
  'contact.save': {
    who: 'agent',
    payload: v.strictObject({
      id: Id,
      name: ContactName,
      email: optional(ContactEmail),
      phone: optional(ContactPhone),
      document: optional(Document),
      ...ContactRecordChanges,
    }),
  },
  /** What the company requires of a contact and accepts as its photo: the form marks and checks the same. */
  'contact.settings': { who: 'agent', payload: v.strictObject({}) },
  /** The street, neighbourhood, city and UF of a CEP (8 digits, hyphen allowed), from the server's CEP provider; NOT_FOUND when unknown. */
  'contact.cep': { who: 'agent', payload: v.strictObject({ cep: CepInput }) },
  /** A visitor's sessions on its channel, newest first, with its contact. */
  'webchat.sessions': { who: 'visitor', payload: v.strictObject({}) },
  /**
   * A visitor starts a conversation for a team of its channel; `sessionId` is generated by the client.
   * The server holds the fields to the channel's pre-chat rules (a required one missing is
   * INVALID_PAYLOAD with that field). `text`, when given, is the conversation's first message
   * (the offline form's message).
   */
  'webchat.start': {
    who: 'visitor',
    payload: v.strictObject({
      sessionId: Id,
      name: optional(ContactName),
      email: optional(ContactEmail),
      phone: optional(ContactPhone),
      teamId: Id,
      text: optional(MessageText),
    }),
  },
  /** A visitor ends its own conversation (it may then rate it). */
  'webchat.finish': { who: 'visitor', payload: v.strictObject({ sessionId: Id }) },
  /** A visitor rates a finished conversation of its own, once: 1–5 and an optional comment. */
  'webchat.rate': {
    who: 'visitor',
    payload: v.strictObject({
      sessionId: Id,
      score: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 to 5'), v.maxValue(5, 'must be 1 to 5')),
      comment: optional(v.pipe(v.string(), v.trim(), v.maxLength(1000, 'is too long (1000 characters at most)'))),
    }),
  },
} as const;

export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<N extends CommandName> = v.InferInput<(typeof commandSchemas)[N]['payload']>;
export type ParsedPayload<N extends CommandName> = v.InferOutput<(typeof commandSchemas)[N]['payload']>;

export interface SessionWithContact {
  session: Session;
  contact: Contact;
}

/** What each command answers in `data` when `ok` is true. */
export interface CommandResults {
  'auth.refresh': { expiresAt: number };
  /** `loggedInTodayMs`: time with a socket open today (the company's time zone, else UTC). */
  'agent.snapshot': {
    agent: Agent;
    teams: Team[];
    sessions: Session[];
    contacts: Contact[];
    availability: AgentAvailability;
    loggedInTodayMs: number;
    /** The waiting sessions of its teams: their counts, and where the first page (in `sessions`) ends. */
    waiting: WaitingQueuePage;
  };
  /** `sessions`: the page, in the queue's order; `contacts`: theirs. */
  'queue.page': WaitingQueuePage & { sessions: Session[]; contacts: Contact[] };
  'agent.pause': AgentAvailability;
  'agent.resume': AgentAvailability;
  'agent.stats': AgentStats;
  'agent.profile': Agent;
  'agent.password': { ok: true };
  'session.start': SessionWithContact & { message: Message };
  'session.accept': SessionWithContact;
  'session.finish': SessionWithContact;
  'session.sync': SessionWithContact & { messages: Message[]; hasOlder: boolean; hasMore: boolean };
  'session.older': { sessionId: string; messages: Message[]; hasOlder: boolean };
  'message.send': { message: Message; session: Session };
  'message.sendTemplate': { message: Message; session: Session };
  'message.receipt': { sessionId: string; upToSeq: number };
  'session.typing': Record<string, never>;
  /** `agents` and `teams`: the whole company's, so a transfer can name any team and its agents. */
  'agent.catalog': {
    agents: AgentSummary[];
    teams: Team[];
    tags: Tag[];
    templates: Template[];
    cannedResponses: CannedResponse[];
    pauseTypes: PauseType[];
    /** The channels an agent can start a conversation on (`session.start`). */
    channels: OutboundChannel[];
    /** The company's customer accounts by name, inactive ones too (to name a contact's old account); pickers offer the active. */
    accounts: CustomerAccount[];
  };
  'chat.list': { conversations: ChatConversation[] };
  'chat.history': { messages: ChatMessage[] };
  'chat.send': ChatMessage;
  'chat.read': { ok: true };
  'queue.search': { sessions: Session[]; contacts: Contact[] };
  'session.park': SessionWithContact;
  'session.rescue': { sessions: Session[]; contacts: Contact[] };
  'session.finishMany': { sessions: Session[]; contacts: Contact[] };
  'session.transfer': SessionWithContact;
  'session.invite': SessionWithContact;
  'session.leave': SessionWithContact;
  'session.setTags': SessionWithContact;
  'contact.history': { sessions: Session[]; contacts: Contact[]; hasMore: boolean };
  'contact.gallery': { items: GalleryItem[] };
  'note.list': { notes: Note[] };
  'note.save': { note: Note };
  'note.delete': { noteId: string; contactId: string };
  'contact.get': { contact: Contact };
  /** `next` is the cursor of the following page; null on the last one. */
  'contact.search': { contacts: Contact[]; next: string | null };
  'contact.save': { contact: Contact };
  'contact.settings': ContactSettings;
  'contact.cep': { address: CepAddress };
  /** `queue`: where each of the visitor's waiting sessions stands. */
  'webchat.sessions': { contact: Contact | null; sessions: Session[]; queue: QueuePosition[] };
  'webchat.start': SessionWithContact & { message: Message | null };
  'webchat.finish': SessionWithContact;
  'webchat.rate': SessionWithContact;
}
export type CommandResult<N extends CommandName> = CommandResults[N];

/** Valibot issues as `{ 'email': 'is not a valid e-mail address' }`, for inline field errors. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path?.map((item) => String(item.key)).join('.') || '(payload)';
    // Not `fields[path] ??=`: a key like `toString` or `__proto__` would find Object.prototype's.
    if (!Object.hasOwn(fields, path))
      Object.defineProperty(fields, path, { value: issue.message, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

/** Validate a payload: the parsed value, or the per-field errors. Used by the server and by forms. */
export function parseCommand<N extends CommandName>(
  name: N,
  payload: unknown,
): { ok: true; value: ParsedPayload<N> } | { ok: false; fields: Record<string, string> } {
  const result = v.safeParse(commandSchemas[name].payload, payload);
  return result.success ? { ok: true, value: result.output as ParsedPayload<N> } : { ok: false, fields: fieldErrors(result.issues) };
}

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commandSchemas, name);
}
