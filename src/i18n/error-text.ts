import type { ErrorCode } from '../protocol/errors.js';
import { loadedAgentTable } from './agent-tables.js';
import { languageOf, type Language } from './language.js';
import { formatDuration } from './localizer.js';
import type { Translation } from './pt-BR.js';

/** What an error needs to be told: its code, and for RATE_LIMITED how long to wait. */
export interface ErrorLike {
  code?: ErrorCode | string;
  retryAfterMs?: number;
}

/**
 * An error's text in `lang` by its code (the agent table's `errors`), with the wait when it has one;
 * never the server's message, which is English.
 */
export function errorText(error: ErrorLike | null | undefined, lang: string): string {
  const t = tableFor(lang);
  if (!t) return error?.code ?? '';
  const known = error?.code && Object.hasOwn(t.errors, error.code) ? (t.errors as Record<string, string>)[error.code] : undefined;
  const text = known ?? t.common.error;
  const wait = error?.retryAfterMs;
  return wait && wait > 0 ? `${text} ${t.login.retryIn(formatDuration(roundUp(wait), lang))}` : text;
}

/** As `errorText`, for a login form: there UNAUTHENTICATED means wrong credentials, not an expired login. */
export function loginErrorText(error: ErrorLike | null | undefined, lang: string): string {
  const t = tableFor(lang);
  return error?.code === 'UNAUTHENTICATED' && t ? t.login.wrongCredentials : errorText(error, lang);
}

const LANGUAGES: readonly Language[] = ['pt-BR', 'en', 'es'];
/**
 * `lang`'s table, else any loaded (the CDN bundle loads tables on demand, the page's language first);
 * undefined only before any has loaded.
 */
function tableFor(lang: string): Translation | undefined {
  return loadedAgentTable(languageOf(lang)) ?? LANGUAGES.map(loadedAgentTable).find(Boolean);
}

/** A wait shown rounded down would be too short: round it up to the unit it is shown in. */
function roundUp(milliseconds: number): number {
  const unit = milliseconds <= 60_000 ? 1_000 : 60_000;
  return Math.ceil(milliseconds / unit) * unit;
}
