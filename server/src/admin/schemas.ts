/**
 * The administered resources' shapes, written once: the admin API validates its bodies with them, the
 * OpenAPI document is generated from them, and configuration as code (`conecta-server apply`)
 * checks its file against them. `…Input` is what a caller sends to create or replace a resource
 * (its id, chosen by the caller, travels in the path: configuration as code names things by stable
 * ids); `…View` is what the API answers, with secrets left out.
 */
import * as v from 'valibot';
import { CONTACT_TEXT_LIMITS, ContactEmail, ContactName } from '../../../src/protocol/index.js';
import { CONTACT_FIELDS } from '../db/repository.js';

const optional = <T extends v.GenericSchema>(schema: T) => v.optional(v.nullable(schema), null);
const Text = (max: number) =>
  v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.minLength(1, 'is required'),
    v.maxLength(max, `is too long (${max} characters at most)`),
  );

/** An id or key chosen by the caller: safe in a URL path and a YAML key. */
export const ResourceId = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit'),
);
const Ids = v.pipe(
  v.array(ResourceId, 'must be a list of ids'),
  v.check((ids) => new Set(ids).size === ids.length, 'lists an id twice'),
);
const Milliseconds = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1000, 'must be at least 1000 (ms)'),
);
const Language = v.pipe(v.string('must be a string'), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a language tag like pt-BR'));
/** WhatsApp names a template's language with an underscore (`pt_BR`, `en_US`); a plain tag works too. */
const TemplateLanguage = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/, 'is not a language code like pt_BR'),
);
const HexColor = v.pipe(v.string('must be a string'), v.regex(/^#[0-9a-fA-F]{6}$/, 'is not a hex colour like #0b6bcb'));
/** A secret set from outside (environment, a provider's console): written, never read back. */
const Secret = v.pipe(
  v.string('must be a string'),
  v.minLength(8, 'is too short (8 characters at least)'),
  v.maxLength(512, 'is too long'),
);

export const AgentRoleSchema = v.picklist(['owner', 'admin', 'supervisor', 'agent'], 'must be owner, admin, supervisor or agent');
export const AgentPermissionsSchema = v.strictObject({
  history: v.optional(v.boolean('must be true or false'), false),
  internalChat: v.optional(v.boolean('must be true or false'), false),
  statistics: v.optional(v.boolean('must be true or false'), false),
  bulkActions: v.optional(v.boolean('must be true or false'), false),
  startConversations: v.optional(v.boolean('must be true or false'), false),
});

export const AgentInput = v.strictObject({
  name: ContactName,
  email: ContactEmail,
  role: v.optional(AgentRoleSchema, 'agent'),
  teamIds: v.optional(Ids, []),
  nickname: optional(Text(60)),
  extension: optional(v.pipe(v.string('must be a string'), v.regex(/^[0-9*#]{1,12}$/, 'must be 1 to 12 digits'))),
  photoFileId: optional(ResourceId),
  permissions: v.optional(AgentPermissionsSchema, {}),
  active: v.optional(v.boolean('must be true or false'), true),
  externalId: optional(Text(128)),
});

const Clock = v.pipe(v.string('must be a string'), v.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM'));
const Interval = v.pipe(
  v.tuple([Clock, Clock], 'must be [from, to]'),
  v.check(([from, to]) => from < to, 'must end after it starts'),
);
const Weekday = v.optional(v.array(Interval, 'must be a list of [from, to] intervals'));
const TimeZone = v.pipe(
  v.string('must be a string'),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not an IANA time zone like America/Sao_Paulo'),
);
export const WorkingHoursSchema = v.strictObject({
  timeZone: TimeZone,
  days: v.strictObject({ 0: Weekday, 1: Weekday, 2: Weekday, 3: Weekday, 4: Weekday, 5: Weekday, 6: Weekday }),
});
export const HolidaySchema = v.strictObject({
  date: v.pipe(v.string('must be a string'), v.isoDate('must be a date YYYY-MM-DD')),
  name: Text(120),
});

export const TeamInput = v.strictObject({
  name: Text(120),
  memberIds: v.optional(Ids, []),
  waitingTimeoutMs: optional(Milliseconds),
  workingHours: optional(WorkingHoursSchema),
  holidays: v.optional(
    v.pipe(
      v.array(HolidaySchema, 'must be a list of holidays'),
      v.check((days) => new Set(days.map((d) => d.date)).size === days.length, 'lists a date twice'),
    ),
    [],
  ),
});

/** Text per language tag (`{"pt-BR": "Olá", "en": "Hello"}`). */
const ChannelTextSchema = v.pipe(
  v.record(Language, Text(500), 'must map language tags to texts'),
  v.check((text) => Object.keys(text).length > 0, 'needs a text in at least one language'),
);
const PrechatRuleSchema = v.picklist(['hidden', 'optional', 'required'], 'must be hidden, optional or required');
/** A site's origin, or `*`: any site (ANY_ORIGIN, server/src/domain/webchat.ts). */
const Origin = v.pipe(
  v.string('must be a string'),
  v.regex(/^(\*|https?:\/\/[^/\s?#]+)$/, 'is not an origin like https://shop.example (or * for any site)'),
);

export const WebchatChannelInput = v.strictObject({
  name: Text(120),
  /** In menu order. */
  teamIds: v.pipe(Ids, v.minLength(1, 'needs at least one team')),
  /** The sites the webchat may be embedded in; empty: none; `['*']`: any (the demo). */
  allowedOrigins: v.optional(v.array(Origin, 'must be a list of origins'), []),
  prechat: v.optional(v.strictObject({ name: PrechatRuleSchema, email: PrechatRuleSchema, phone: PrechatRuleSchema }), {
    name: 'required',
    email: 'optional',
    phone: 'hidden',
  }),
  menu: v.optional(
    v.strictObject({
      prompt: optional(ChannelTextSchema),
      options: v.array(v.strictObject({ label: ChannelTextSchema, teamId: ResourceId }), 'must be a list of options'),
    }),
    { prompt: null, options: [] },
  ),
  appearance: v.optional(
    v.strictObject({
      color: HexColor,
      position: v.picklist(['left', 'right'], 'must be left or right'),
      launcherIcon: v.picklist(['chat', 'help', 'headset'], 'must be chat, help or headset'),
      greeting: optional(ChannelTextSchema),
    }),
    { color: '#0b6bcb', position: 'right', launcherIcon: 'chat', greeting: null },
  ),
  defaultLanguage: v.optional(Language, 'pt-BR'),
  /**
   * The identity-verification secret. Left out: the stored one is kept (rotate it through the API);
   * `null`: the channel verifies no one.
   */
  identitySecret: v.optional(v.nullable(Secret)),
});

export const WhatsappChannelInput = v.strictObject({
  name: Text(120),
  defaultTeamId: ResourceId,
  phoneNumberId: optional(Text(64)),
  businessAccountId: optional(Text(64)),
  /** Secrets: left out, the stored value is kept; never answered back. */
  accessToken: v.optional(v.nullable(Secret)),
  appSecret: v.optional(Secret),
  verifyToken: v.optional(v.nullable(Secret)),
});

export const TemplateInput = v.pipe(
  v.strictObject({
    teamId: ResourceId,
    name: Text(120),
    language: TemplateLanguage,
    body: Text(4000),
    variables: v.optional(
      v.array(v.pipe(v.string(), v.regex(/^\w{1,40}$/, 'must be a name of letters, digits or _')), 'must be a list'),
      [],
    ),
  }),
  v.forward(
    v.check(
      ({ body, variables }) => variables.every((name) => body.includes(`{{${name}}}`)),
      'names a variable the body does not use as {{name}}',
    ),
    ['variables'],
  ),
);

export const CannedResponseInput = v.strictObject({
  /** `null`: for every team (the company's). */
  teamId: optional(ResourceId),
  shortcut: v.pipe(v.string('must be a string'), v.regex(/^[\w-]{1,40}$/, 'must be 1 to 40 letters, digits, "_" or "-"')),
  title: Text(120),
  text: Text(4000),
  fileIds: v.optional(Ids, []),
});

export const TagInput = v.strictObject({ teamId: ResourceId, name: Text(60), color: HexColor });

export const PauseTypeInput = v.strictObject({ name: Text(60), timeLimitMs: optional(Milliseconds) });

export const ContactSettingsInput = v.strictObject({
  requiredFields: v.optional(
    v.pipe(
      v.array(v.picklist(CONTACT_FIELDS, `must each be one of ${CONTACT_FIELDS.join(', ')}`), 'must be a list'),
      v.check((fields) => new Set(fields).size === fields.length, 'lists a field twice'),
    ),
    ['name'],
  ),
  /** What an agent may classify a contact as ("Classificação"), in the order the form offers them. */
  classifications: v.optional(
    v.pipe(
      v.array(Text(CONTACT_TEXT_LIMITS.classification), 'must be a list'),
      v.maxLength(200, 'has more than 200 classifications'),
      v.check((names) => new Set(names).size === names.length, 'lists a classification twice'),
    ),
    [],
  ),
});

/** A customer account ("Conta"); an inactive one stays on its contacts but is no longer offered. */
export const CustomerAccountInput = v.strictObject({ name: Text(120), active: v.optional(v.boolean('must be true or false'), true) });

/** How availability works in the company (server/src/domain/availability.ts); every field has the manuals' default. */
export const AvailabilitySettingsInput = v.strictObject({
  awayGraceMs: v.optional(Milliseconds, 120_000),
  sessionsOnPause: v.optional(v.picklist(['keep', 'requeue'], 'must be keep or requeue'), 'keep'),
  sessionsOnLogout: v.optional(v.picklist(['keep', 'requeue'], 'must be keep or requeue'), 'keep'),
  transferToUnavailable: v.optional(v.picklist(['refuse', 'team'], 'must be refuse or team'), 'refuse'),
  timeZone: optional(TimeZone),
});

// Views: what the API answers and the audit log keeps (secrets become "is it set?").
const WithId = { id: ResourceId };
export const AgentView = v.object({ ...WithId, ...AgentInput.entries });
export const TeamView = v.object({ ...WithId, ...TeamInput.entries });
const { identitySecret: _identitySecret, ...webchatEntries } = WebchatChannelInput.entries;
export const WebchatChannelView = v.object({ ...WithId, ...webchatEntries, identityVerification: v.boolean() });
const { accessToken: _token, appSecret: _secret, verifyToken: _verify, ...whatsappEntries } = WhatsappChannelInput.entries;
export const WhatsappChannelView = v.object({
  ...WithId,
  ...whatsappEntries,
  accessTokenSet: v.boolean(),
  appSecretSet: v.boolean(),
  verifyTokenSet: v.boolean(),
});
export const TemplateView = v.object({ ...WithId, ...TemplateInput.pipe[0].entries });
export const CannedResponseView = v.object({ ...WithId, ...CannedResponseInput.entries });
export const TagView = v.object({ ...WithId, ...TagInput.entries });
export const PauseTypeView = v.object({ ...WithId, ...PauseTypeInput.entries });
export const ContactSettingsView = v.object({ ...WithId, ...ContactSettingsInput.entries });
export const CustomerAccountView = v.object({ ...WithId, ...CustomerAccountInput.entries });
export const AvailabilitySettingsView = v.object({ ...WithId, ...AvailabilitySettingsInput.entries });
/** What rotating a webchat channel's identity secret answers: the new secret, shown this once. */
export const RotatedSecretView = v.object({ identitySecret: v.string() });

export const AuditEntryView = v.object({
  id: v.number(),
  at: v.number(),
  actor: v.object({ kind: v.picklist(['agent', 'api-key', 'cli']), id: v.nullable(v.string()) }),
  action: v.string(),
  resource: v.string(),
  resourceId: v.nullable(v.string()),
  before: v.unknown(),
  after: v.unknown(),
});

export type AgentInput = v.InferOutput<typeof AgentInput>;
export type TeamInput = v.InferOutput<typeof TeamInput>;
export type WebchatChannelInput = v.InferOutput<typeof WebchatChannelInput>;
export type WhatsappChannelInput = v.InferOutput<typeof WhatsappChannelInput>;
export type TemplateInput = v.InferOutput<typeof TemplateInput>;
export type CannedResponseInput = v.InferOutput<typeof CannedResponseInput>;
export type TagInput = v.InferOutput<typeof TagInput>;
export type PauseTypeInput = v.InferOutput<typeof PauseTypeInput>;
export type ContactSettingsInput = v.InferOutput<typeof ContactSettingsInput>;
export type CustomerAccountInput = v.InferOutput<typeof CustomerAccountInput>;
export type AvailabilitySettingsInput = v.InferOutput<typeof AvailabilitySettingsInput>;
export type WebchatChannelView = v.InferOutput<typeof WebchatChannelView>;
export type WhatsappChannelView = v.InferOutput<typeof WhatsappChannelView>;
