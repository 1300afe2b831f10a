import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { fieldErrors } from '../../../src/protocol/index.js';
import { CommandError, forbidden } from '../domain/errors.js';
import { tooLarge } from '../domain/files.js';
import { PASSWORD_MAX_LENGTH } from '../domain/passwords.js';
import type { Services } from '../domain/services.js';
import { WebchatService, WebchatUserSchema } from '../domain/webchat.js';
import type { RateLimiter } from '../limits/rate-limits.js';
import { bearerToken } from './bearer.js';

const LoginBody = v.object({
  email: v.pipe(v.string('must be a string'), v.maxLength(254, 'is too long')),
  password: v.pipe(v.string('must be a string'), v.maxLength(1024, 'is too long')),
});
const PasswordResetBody = v.object({
  email: v.pipe(v.string('must be a string'), v.trim(), v.maxLength(254, 'is too long'), v.email('is not an e-mail address')),
});
const PasswordBody = v.object({
  token: v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(256, 'is not valid')),
  // The length rules are the service's (server/src/domain/passwords.ts); this only bounds the work.
  password: v.pipe(v.string('must be a string'), v.maxLength(4 * PASSWORD_MAX_LENGTH, 'is too long')),
});
const VisitorBody = v.optional(
  v.nullable(
    v.object({
      visitorToken: v.optional(v.nullable(v.pipe(v.string('must be a string'), v.maxLength(256)))),
      user: v.optional(v.nullable(WebchatUserSchema)),
    }),
  ),
);

export function parseBody<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, body);
  if (!result.success) throw new CommandError('INVALID_PAYLOAD', 'The request body is not valid.', fieldErrors(result.issues));
  return result.output;
}

/**
 * Who uploads: an agent (`Authorization: Bearer`) or a webchat visitor (`X-Visitor-Token`), the
 * latter from a page of an origin its channel allows, as at the socket handshake.
 */
async function uploader(services: Services, headers: Record<string, string | string[] | undefined>) {
  const token = bearerToken(typeof headers.authorization === 'string' ? headers.authorization : undefined);
  if (token) {
    const agent = await services.auth.authenticate(token);
    if (agent) return { ownerKind: 'agent' as const, ownerId: agent.agentId };
  }
  const visitorToken = headers['x-visitor-token'];
  if (typeof visitorToken === 'string' && visitorToken) {
    const visitor = await services.webchat.authenticate(visitorToken);
    if (visitor) {
      const channel = await services.webchat.channel(visitor.channelKey);
      const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
      if (!WebchatService.allowsOrigin(channel, origin)) throw forbidden('This site may not use this webchat channel.');
      return { ownerKind: 'contact' as const, ownerId: visitor.contactId };
    }
  }
  throw new CommandError('UNAUTHENTICATED', 'Send an agent token (Authorization: Bearer) or a visitor token (X-Visitor-Token).');
}

/**
 * The `file` part of a multipart upload and its bytes. The multipart parser's own errors (a body cut
 * short, a malformed part header) carry no HTTP status: they are the client's, so 400, not 500.
 */
async function readFilePart(request: FastifyRequest): Promise<{ part: MultipartFile; bytes: Buffer }> {
  const required = () =>
    new CommandError('INVALID_PAYLOAD', 'Send the file as multipart/form-data with one part named "file".', { file: 'is required' });
  if (!request.isMultipart()) throw required();
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw required();
    const bytes = await part.toBuffer();
    // Some versions of @fastify/multipart truncate at the limit instead of throwing: refuse either way.
    if (part.file.truncated) throw tooLarge();
    return { part, bytes };
  } catch (error) {
    if (error instanceof CommandError) throw error;
    const { code, statusCode } = error as { code?: string; statusCode?: number };
    if (code === 'FST_REQ_FILE_TOO_LARGE' || statusCode === 413) throw tooLarge();
    if (statusCode !== undefined) throw error;
    throw new CommandError('INVALID_PAYLOAD', `The multipart body is not valid: ${(error as Error).message}`, {
      file: 'was cut short or is malformed',
    });
  }
}

/** The HTTP endpoints that hand out identities (src/protocol/http.ts). */
export function installRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter): void {
  const clientAddressOf = (request: FastifyRequest) => limiter.addressOf(request.socket.remoteAddress, request.headers['x-forwarded-for']);
  app.post('/api/auth/login', async (request) => {
    const { email, password } = parseBody(LoginBody, request.body);
    return services.auth.login(email, password, clientAddressOf(request));
  });

  app.post('/api/auth/logout', async (request) => {
    const token = bearerToken(request.headers.authorization);
    const identity = token ? await services.auth.authenticate(token) : null;
    // The token's sockets get auth.ended {reason: 'revoked'} and close (the agent's other tokens stay).
    if (!token || !identity || !(await services.auth.logout(token))) {
      throw new CommandError('UNAUTHENTICATED', 'No valid token in the Authorization header.');
    }
    return { ok: true };
  });

  // Always 202 with the same body: whether the address has an account is not told (see PasswordService.requestReset).
  app.post('/api/auth/password-reset', async (request, reply) => {
    await limiter.charge([{ key: `passwordResets:address:${clientAddressOf(request)}`, rule: limiter.limits.passwordResets.perAddress }]);
    const { email } = parseBody(PasswordResetBody, request.body);
    await services.passwords.requestReset(email);
    return reply.code(202).send({ ok: true });
  });

  app.post('/api/auth/password', async (request) => {
    await limiter.charge([{ key: `passwordSets:address:${clientAddressOf(request)}`, rule: limiter.limits.passwordSets.perAddress }]);
    const { token, password } = parseBody(PasswordBody, request.body);
    await services.passwords.setPassword(token, password);
    return { ok: true };
  });

  app.post('/api/files', async (request) => {
    const owner = await uploader(services, request.headers);
    const { part, bytes } = await readFilePart(request);
    return { attachment: await services.files.upload(owner, part.filename, bytes) };
  });

  app.get<{ Params: { id: string }; Querystring: { exp?: string; sig?: string } }>('/api/files/:id', async (request, reply) => {
    const { file, stream } = await services.files.open(request.params.id, request.query.exp, request.query.sig);
    const inline = file.kind === 'image' || file.kind === 'audio' || file.kind === 'video';
    const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .header('content-type', file.mime === 'text/plain' ? 'text/plain; charset=utf-8' : file.mime)
      .header('content-length', String(file.size))
      .header(
        'content-disposition',
        `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=3600')
      .send(stream);
  });

  app.post<{ Params: { key: string } }>('/api/channels/:key/inbound', async (request) => {
    const raw = (request as { rawBody?: string }).rawBody ?? '';
    const signature = request.headers['x-conecta-signature'];
    return services.channels.inbound(request.params.key, raw, typeof signature === 'string' ? signature : undefined);
  });

  app.get<{ Params: { key: string } }>('/api/webchat/:key', async (request) => services.webchat.publicChannel(request.params.key));

  app.post<{ Params: { key: string } }>('/api/webchat/:key/visitors', async (request) => {
    const { key } = request.params;
    const body = parseBody(VisitorBody, request.body);
    const previousToken = body?.visitorToken ?? undefined;
    const user = body?.user ?? undefined;
    // Only new visitors count: a returning visitor asks again on every page load.
    if (!(await services.webchat.isReturning(key, previousToken, user?.id))) {
      const { perAddress, perChannel } = limiter.limits.visitorTokens;
      await limiter.charge([
        { key: `visitorTokens:address:${clientAddressOf(request)}`, rule: perAddress },
        { key: `visitorTokens:channel:${key}`, rule: perChannel },
      ]);
    }
    return services.webchat.issueVisitor(key, previousToken, user);
  });
}
