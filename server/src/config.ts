import { resolve } from 'node:path';
import { DEFAULT_POOL_SIZE } from './db/postgres/postgres.js';
import type { SqliteSynchronous } from './db/sqlite.js';
import { DEFAULT_REDIS_PREFIX, SEVERAL_NODES_NEED_POSTGRES } from './cluster/several-nodes.js';

/** pino's levels, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every variable `loadSettings` reads (.env.example lists the same). */
export const SETTING_NAMES = [
  'PUBLIC_URL',
  'HOST',
  'PORT',
  'DATA_DIR',
  'TOKEN_TTL',
  'SIGN_ON_TOKEN_TTL',
  'SMTP_URL',
  'MAIL_FROM',
  'TRUSTED_PROXY_HOPS',
  'LOG_LEVEL',
  'METRICS_TOKEN',
  'SQLITE_SYNCHRONOUS',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'REDIS_URL',
  'REDIS_PREFIX',
  'WHATSAPP_GRAPH_URL',
  'WHATSAPP_GRAPH_VERSION',
] as const;
type SettingName = (typeof SETTING_NAMES)[number];

/** What `conecta-server start` runs with, read from the environment (see .env.example). */
export interface Settings {
  /** Where people reach the server (links in e-mails), without a trailing slash: `https://chat.example.com`. */
  publicUrl: string;
  host: string;
  port: number;
  /** Absolute path of the directory holding the database and uploaded files. */
  dataDir: string;
  tokenTtlMs: number;
  signOnTokenTtlMs: number;
  /** `smtp://` or `smtps://`; absent: e-mails are kept in memory (and lost), with a warning at start. */
  smtpUrl: string | undefined;
  mailFrom: string;
  trustedProxyHops: number;
  logLevel: LogLevel;
  /** When set, `/metrics` requires `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** What an acknowledgement promises (docs/scaling.md): `normal` survives a process crash, `full` a power cut too. */
  sqliteSynchronous: SqliteSynchronous;
  /** `postgres://…`: store in PostgreSQL; absent: SQLite in `dataDir` (docs/scaling.md). */
  databaseUrl: string | undefined;
  /** PostgreSQL connections per node. */
  databasePoolSize: number;
  /** `redis://…`: one of several nodes sharing events through Redis (needs `databaseUrl`); absent: a single node. */
  redisUrl: string | undefined;
  /** Prefix of the keys, streams and channels this deployment uses in Redis. */
  redisPrefix: string;
  /** Where WhatsApp channels reach the Graph API (Meta's unless set: a proxy, a test double). */
  whatsappGraphUrl: string | undefined;
  /** The Graph API version, e.g. `v21.0`. */
  whatsappGraphVersion: string | undefined;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Bounds: a token shorter than these would sign people out while they work; longer ones outlive a leaver. */
const TOKEN_TTL = { default: '12h', min: 15 * MINUTE, max: 90 * DAY };
const SIGN_ON_TOKEN_TTL = { default: '15m', min: 1 * MINUTE, max: 1 * DAY };
const MIN_METRICS_TOKEN_LENGTH = 16;
// `Name <address>` or a bare address; the mail server has the last word on the rest.
const MAIL_FROM = /^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

/**
 * Reads and checks every setting at once, so an operator fixes them in one go: one message per
 * problem, naming the variable, what it holds and what it should hold.
 */
export function loadSettings(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): SettingsResult {
  const problems: string[] = [];
  const read = (name: SettingName): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const problem = (name: SettingName, expected: string): void => {
    problems.push(`${name} must be ${expected}, got ${JSON.stringify(env[name])}.`);
  };

  const publicUrl = readPublicUrl(read('PUBLIC_URL'), problems);

  const host = read('HOST') ?? '127.0.0.1';

  const port = wholeNumber(read('PORT') ?? '8080');
  if (port === undefined || port > 65535) problem('PORT', 'a port number from 0 to 65535');

  const dataDir = resolve(cwd, read('DATA_DIR') ?? './data');

  const duration = (name: SettingName, bounds: { default: string; min: number; max: number }): number => {
    const ms = parseDuration(read(name) ?? bounds.default);
    if (ms === undefined) problem(name, 'a duration such as 12h, 30m, 90s or 7d');
    else if (ms < bounds.min || ms > bounds.max) problem(name, `between ${formatDuration(bounds.min)} and ${formatDuration(bounds.max)}`);
    return ms ?? 0;
  };
  const tokenTtlMs = duration('TOKEN_TTL', TOKEN_TTL);
  const signOnTokenTtlMs = duration('SIGN_ON_TOKEN_TTL', SIGN_ON_TOKEN_TTL);

  const smtpUrl = read('SMTP_URL');
  if (smtpUrl !== undefined && !isUrlWithProtocol(smtpUrl, ['smtp:', 'smtps:'])) {
    problem('SMTP_URL', 'an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com:465');
  }

  const mailFrom = read('MAIL_FROM') ?? `Conecta <no-reply@${publicUrl ? new URL(publicUrl).hostname : 'localhost'}>`;
  if (!MAIL_FROM.test(mailFrom)) problem('MAIL_FROM', 'an e-mail address, alone or as "Name <address>"');

  const trustedProxyHops = wholeNumber(read('TRUSTED_PROXY_HOPS') ?? '0');
  if (trustedProxyHops === undefined) problem('TRUSTED_PROXY_HOPS', 'a whole number of reverse proxies (0 when there is none)');

  const logLevel = (read('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problem('LOG_LEVEL', `one of ${LOG_LEVELS.join(', ')}`);

  const metricsToken = read('METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < MIN_METRICS_TOKEN_LENGTH) {
    problems.push(`METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters long (e.g. openssl rand -hex 24), or unset.`);
  }

  const sqliteSynchronous = (read('SQLITE_SYNCHRONOUS') ?? 'normal') as SqliteSynchronous;
  if (sqliteSynchronous !== 'normal' && sqliteSynchronous !== 'full') problem('SQLITE_SYNCHRONOUS', 'normal or full');
  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !isUrlWithProtocol(databaseUrl, ['postgres:', 'postgresql:'])) {
    problem('DATABASE_URL', 'a PostgreSQL URL such as postgres://conecta:secret@db.example.com:5432/conecta, or unset for SQLite');
  }
  const databasePoolSize = wholeNumber(read('DATABASE_POOL_SIZE') ?? String(DEFAULT_POOL_SIZE));
  if (databasePoolSize === undefined || databasePoolSize < 1) problem('DATABASE_POOL_SIZE', 'a whole number of connections, at least 1');
  const redisUrl = read('REDIS_URL');
  if (redisUrl !== undefined && !isUrlWithProtocol(redisUrl, ['redis:', 'rediss:'])) {
    problem('REDIS_URL', 'a Redis URL such as redis://redis.example.com:6379, or unset for a single node');
  } else if (redisUrl !== undefined && databaseUrl === undefined) {
    problems.push(SEVERAL_NODES_NEED_POSTGRES);
  }
  const redisPrefix = read('REDIS_PREFIX') ?? DEFAULT_REDIS_PREFIX;
  if (!/^[\w:.-]{1,64}$/.test(redisPrefix)) problem('REDIS_PREFIX', 'up to 64 letters, digits and _ : . - (e.g. conecta:), or unset');
  const whatsappGraphUrl = read('WHATSAPP_GRAPH_URL');
  if (whatsappGraphUrl !== undefined && !isUrlWithProtocol(whatsappGraphUrl, ['https:', 'http:'])) {
    problem('WHATSAPP_GRAPH_URL', 'an https:// URL such as https://graph.facebook.com, or unset');
  }
  const whatsappGraphVersion = read('WHATSAPP_GRAPH_VERSION');
  if (whatsappGraphVersion !== undefined && !/^v\d+\.\d+$/.test(whatsappGraphVersion)) {
    problem('WHATSAPP_GRAPH_VERSION', 'a Graph API version such as v21.0, or unset');
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      publicUrl: publicUrl!,
      host,
      port: port!,
      dataDir,
      tokenTtlMs,
      signOnTokenTtlMs,
      smtpUrl,
      mailFrom,
      trustedProxyHops: trustedProxyHops!,
      logLevel,
      metricsToken,
      sqliteSynchronous,
      databaseUrl,
      databasePoolSize: databasePoolSize!,
      redisUrl,
      redisPrefix,
      whatsappGraphUrl,
      whatsappGraphVersion,
    },
  };
}

/** `https://chat.example.com/` → `https://chat.example.com`; a path prefix is kept, a query or fragment refused. */
function readPublicUrl(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) {
    problems.push('PUBLIC_URL is required: the address people use to reach this server, such as https://chat.example.com.');
    return undefined;
  }
  if (!isUrlWithProtocol(value, ['http:', 'https:'])) {
    problems.push(`PUBLIC_URL must be an http:// or https:// URL such as https://chat.example.com, got ${JSON.stringify(value)}.`);
    return undefined;
  }
  const url = new URL(value);
  if (url.search || url.hash || url.username || url.password) {
    problems.push(`PUBLIC_URL must have no query, fragment or credentials, got ${JSON.stringify(value)}.`);
    return undefined;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function isUrlWithProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function wholeNumber(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** `12h` → 43 200 000; undefined when it is not a number and a unit (ms, s, m, h, d). */
export function parseDuration(value: string): number | undefined {
  const match = DURATION.exec(value);
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : undefined;
}

function formatDuration(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  return `${ms / MINUTE}m`;
}
