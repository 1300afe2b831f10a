import type { ErrorCode, ProtocolError } from '../../../src/protocol/index.js';

/** A refusal the client should see as is: becomes `{ok:false, error}` or an HTTP error body. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toProtocolError(): ProtocolError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new CommandError('NOT_FOUND', `No such ${what}.`);
export const forbidden = (message: string) => new CommandError('FORBIDDEN', message);
