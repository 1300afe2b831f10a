import type { ContactDuplicate, ErrorCode, ProtocolError } from '../../../src/protocol/index.js';

/** A refusal the client should see as is: becomes `{ok:false, error}` or an HTTP error body. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  /** With RATE_LIMITED: when to try again. */
  readonly retryAfterMs?: number;
  /** With CONTACT_DUPLICATE: the contact that already has the value. */
  duplicate?: ContactDuplicate;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, retryAfterMs?: number) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    if (fields) this.fields = fields;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }

  toProtocolError(): ProtocolError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields && { fields: this.fields }),
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
      ...(this.duplicate && { duplicate: this.duplicate }),
    };
  }
}

/** A phone, e-mail or CPF/CNPJ another contact already has, with that contact for the form to link to. */
export function contactDuplicate(duplicate: ContactDuplicate): CommandError {
  const what = { phone: 'phone', email: 'e-mail', document: 'CPF/CNPJ' }[duplicate.field];
  const error = new CommandError('CONTACT_DUPLICATE', `This ${what} is already on another contact.`, {
    [duplicate.field]: 'is already on another contact',
  });
  error.duplicate = duplicate;
  return error;
}

export const notFound = (what: string) => new CommandError('NOT_FOUND', `No such ${what}.`);
export const forbidden = (message: string) => new CommandError('FORBIDDEN', message);
