/**
 * How a contact's name, e-mail and phone are checked, written once: the protocol's schemas
 * (`commands.ts`), the server's other inputs (identity verification, channel webhooks) and the
 * webchat's pre-chat form read them from here. Plain values, no valibot: the widget carries these
 * and not the schemas.
 */

export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;

/** E.164: `+`, then 7 to 15 digits, the first not 0 (`+5511987654321`). */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** What an e-mail address looks like: a local part, `@`, a domain with a dot (valibot's `email()` rule). */
export const EMAIL_PATTERN = /^[\w+-]+(?:\.[\w+-]+)*@[\da-zA-Z]+(?:[.-][\da-zA-Z]+)*\.[a-zA-Z]{2,}$/u;

/**
 * A name as the contact directory compares it: without accents, in lower case ("José" → "jose").
 * Stored beside the name, so the search is a plain, indexable comparison on any database.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
