import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { LogLevel } from '../config.js';

export interface ServerLogOptions {
  level: LogLevel;
  /** Where the JSON lines go. Default: standard output. */
  destination?: { write(line: string): void };
}

const REQUEST_ID_HEADER = 'x-request-id';
/** A proxy's or client's id is kept when it looks like one; anything else could forge log lines. */
const ACCEPTABLE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;
const REDACTED = '[redacted]';
/**
 * Defence in depth: the request serializer below already leaves headers and bodies out, and no code
 * logs a message's text or a secret; should one ever be logged under these names, its value is not.
 */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-visitor-token"]',
  'headers.authorization',
  'body',
  'payload',
  '*.password',
  '*.token',
  '*.visitorToken',
  '*.secret',
  '*.text',
  '*.body',
  '*.payload',
];

/**
 * Fastify's logging options: pino JSON lines with a request id per request (the caller's
 * `X-Request-Id` when acceptable, else a new UUID), and requests logged as method, path and query
 * names only: query values may be tokens or file-link signatures.
 */
export function fastifyLogging(logger: boolean | ServerLogOptions | undefined): Partial<FastifyServerOptions> {
  if (!logger) return { logger: false };
  const { level, destination } = logger === true ? { level: 'info' as const, destination: undefined } : logger;
  return {
    logger: {
      level,
      stream: destination,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: withoutQueryValues(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (request: IncomingMessage) => {
      const given = request.headers[REQUEST_ID_HEADER];
      return typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
    },
  };
}

/** Every answer carries its request id, so a user's report can be matched with the server's log. */
export function installRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}

/** `/api/files/f1?expires=1&sig=abc` → `/api/files/f1?expires=[redacted]&sig=[redacted]`. */
export function withoutQueryValues(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=${REDACTED}`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}
