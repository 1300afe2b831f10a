import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, ProtocolError } from '../../../src/protocol/index.js';
import { CommandError } from '../domain/errors.js';
import { tooLarge } from '../domain/files.js';

const STATUS: Record<ErrorCode, number> = {
  INVALID_PAYLOAD: 400,
  UNKNOWN_COMMAND: 400,
  UNAUTHENTICATED: 401,
  IDENTITY_REJECTED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONTACT_DUPLICATE: 409,
  ALREADY_ACCEPTED: 409,
  AGENT_PAUSED: 409,
  AGENT_UNAVAILABLE: 409,
  SESSION_FINISHED: 409,
  WINDOW_CLOSED: 409,
  TEMPLATE_LIMIT: 429,
  CHANNEL_REFUSED: 502,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  RATE_LIMITED: 429,
  TIMEOUT: 504,
  DISCONNECTED: 503,
  INTERNAL: 500,
};

/** HTTP errors carry the command error object, wrapped: `{ error: { code, message, fields?, retryAfterMs?, duplicate? } }`. */
export function sendError(reply: FastifyReply, error: ProtocolError): FastifyReply {
  // Retry-After takes whole seconds: rounded up, so a client that honours it is not refused again.
  if (error.retryAfterMs !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  return reply.code(STATUS[error.code]).send({ error });
}

/**
 * The router's own refusals (a malformed percent-encoding, a path parameter past `maxParamLength`)
 * happen before any route or error handler: without this they answer Fastify's shape, not ours.
 */
export function answerRoutingError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return reply.code(status).send({ error: { code: 'INVALID_PAYLOAD', message: `The request URL is not valid: ${error.message}` } });
}

/** Every failure of a route becomes the protocol's error shape; unexpected ones are logged. */
export function installErrorHandlers(app: FastifyInstance, logError: (error: unknown, context: Record<string, unknown>) => void) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof CommandError) return sendError(reply, error.toProtocolError());
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, tooLarge().toProtocolError());
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, body too large.
      return sendError(reply, {
        code: 'INVALID_PAYLOAD',
        message: `The request body is not valid: ${error.message}`,
        fields: { '(payload)': error.message },
      });
    }
    logError(error, { url: request.url, method: request.method });
    return sendError(reply, { code: 'INTERNAL', message: 'The server failed to handle this request.' });
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, { code: 'NOT_FOUND', message: `Nothing at ${request.method} ${request.url.split('?')[0]}.` }),
  );
}
