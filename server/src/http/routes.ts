import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { fieldErrors } from '../../../src/protocol/index.js';
import { CommandError } from '../domain/errors.js';
import type { Services } from '../domain/services.js';

const LoginBody = v.object({
  email: v.pipe(v.string('must be a string'), v.maxLength(254, 'is too long')),
  password: v.pipe(v.string('must be a string'), v.maxLength(1024, 'is too long')),
});
const VisitorBody = v.optional(
  v.nullable(v.object({ visitorToken: v.optional(v.nullable(v.pipe(v.string('must be a string'), v.maxLength(256)))) })),
);

function parseBody<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, body);
  if (!result.success) throw new CommandError('INVALID_PAYLOAD', 'The request body is not valid.', fieldErrors(result.issues));
  return result.output;
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** The HTTP endpoints that hand out identities (src/protocol/http.ts). */
export function installRoutes(app: FastifyInstance, services: Services, onLogout: (tokenHash: string) => void): void {
  app.post('/api/auth/login', async (request) => {
    const { email, password } = parseBody(LoginBody, request.body);
    return services.auth.login(email, password);
  });

  app.post('/api/auth/logout', async (request) => {
    const token = bearerToken(request.headers.authorization);
    const identity = token ? await services.auth.authenticate(token) : null;
    if (!token || !identity || !(await services.auth.logout(token))) {
      throw new CommandError('UNAUTHENTICATED', 'No valid token in the Authorization header.');
    }
    onLogout(identity.tokenHash);
    return { ok: true };
  });

  app.get<{ Params: { key: string } }>('/api/webchat/:key', async (request) => services.webchat.publicChannel(request.params.key));

  app.post<{ Params: { key: string } }>('/api/webchat/:key/visitors', async (request) => {
    const body = parseBody(VisitorBody, request.body);
    return services.webchat.issueVisitor(request.params.key, body?.visitorToken ?? undefined);
  });
}
