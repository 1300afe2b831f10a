/** Every error a command can answer with. Codes are stable; messages are for humans (English). */
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNKNOWN_COMMAND',
  'UNAUTHENTICATED',
  'IDENTITY_REJECTED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CONTACT_DUPLICATE',
  'ALREADY_ACCEPTED',
  'AGENT_PAUSED',
  'AGENT_UNAVAILABLE',
  'SESSION_FINISHED',
  'WINDOW_CLOSED',
  'TEMPLATE_LIMIT',
  'CHANNEL_REFUSED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'RATE_LIMITED',
  'TIMEOUT',
  'DISCONNECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Failures that say nothing about the command itself (the connection, the server's load): the same
 * command may succeed later, so a client keeps it and offers to send it again. Any other code will
 * answer the same command the same way.
 */
export const TRANSIENT_ERROR_CODES: readonly ErrorCode[] = ['TIMEOUT', 'DISCONNECTED', 'RATE_LIMITED', 'INTERNAL'];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** Per-field messages for INVALID_PAYLOAD, keyed by the payload's dotted path. */
  fields?: Record<string, string>;
  /** With RATE_LIMITED: how long to wait before trying again (also HTTP's `Retry-After`, in seconds). */
  retryAfterMs?: number;
  /** With CONTACT_DUPLICATE: the other contact that already has the value, for the form to link to. */
  duplicate?: ContactDuplicate;
}

/** A phone, e-mail or CPF/CNPJ that another contact already has. */
export interface ContactDuplicate {
  field: 'phone' | 'email' | 'document';
  contactId: string;
  contactName: string;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

/** Thrown by clients when a command answers `ok: false` (or never answers). */
export class ConectaError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly retryAfterMs?: number;
  readonly duplicate?: ContactDuplicate;
  constructor(error: ProtocolError) {
    super(error.message);
    this.name = 'ConectaError';
    this.code = error.code;
    this.fields = error.fields;
    this.retryAfterMs = error.retryAfterMs;
    this.duplicate = error.duplicate;
  }
}
