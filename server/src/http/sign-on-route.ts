import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { ContactEmail, ContactName, Id } from '../../../src/protocol/index.js';
import { CommandError } from '../domain/errors.js';
import type { Services } from '../domain/services.js';
import type { RateLimiter } from '../limits/rate-limits.js';
import { bearerToken } from './bearer.js';
import { parseBody } from './routes.js';

const SignOnBody = v.strictObject({
  email: v.optional(ContactEmail),
  externalId: v.optional(v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'is required'), v.maxLength(256, 'is too long'))),
  create: v.optional(
    v.strictObject({
      name: ContactName,
      email: ContactEmail,
      teamIds: v.optional(v.pipe(v.array(Id, 'must be a list of team ids'), v.maxLength(100, 'lists too many teams')), []),
    }),
  ),
});

/**
 * `POST /api/auth/token` (src/protocol/http.ts): a CRM's back end signs one of its users in as an
 * agent with its API key (`Authorization: Bearer`). The key is checked before the body, so a caller
 * without a valid key learns nothing from the answers.
 */
export function installSignOnRoute(app: FastifyInstance, services: Services, limiter: RateLimiter): void {
  app.post('/api/auth/token', async (request) => {
    const address = limiter.addressOf(request.socket.remoteAddress, request.headers['x-forwarded-for']);
    const rules = limiter.limits.signOns;
    await limiter.charge([{ key: `signOns:address:${address}`, rule: rules.perAddress }]);
    let apiKey;
    try {
      const secret = bearerToken(request.headers.authorization);
      if (!secret) throw new CommandError('UNAUTHENTICATED', 'Send the API key in the Authorization header (Bearer).');
      apiKey = await services.signOn.keyOf(secret);
    } catch (error) {
      // A wrong key costs like a failed login: a few, then one every ten seconds from that address.
      await limiter.charge([{ key: `signOns:failures:${address}`, rule: rules.failuresPerAddress }]);
      throw error;
    }
    await limiter.charge([{ key: `signOns:key:${apiKey.id}`, rule: rules.perKey }]);

    const body = parseBody(SignOnBody, request.body);
    if ((body.email === undefined) === (body.externalId === undefined)) {
      throw new CommandError('INVALID_PAYLOAD', 'Send the agent’s email or its externalId (one of them).', {
        email: body.email === undefined ? 'is required (or externalId)' : 'send only one of email and externalId',
      });
    }
    return services.signOn.signOn(apiKey, body);
  });
}
