import type { Agent, Visitor, WebchatChannel } from './entities.js';

/** HTTP endpoints that hand out identities; everything else travels over the socket. */
export interface HttpApi {
  /** POST: agent login. 401 on bad credentials, 429 while locked after repeated failures. */
  '/api/auth/login': { request: { email: string; password: string }; response: { token: string; agent: Agent } };
  /** POST with `Authorization: Bearer <token>`: revokes the token. */
  '/api/auth/logout': { request: Record<string, never>; response: { ok: true } };
  /** GET: the public face of a webchat channel. */
  '/api/webchat/:key': { request: never; response: WebchatChannel };
  /** POST: a visitor token for the channel; send the previous token to keep the same visitor. */
  '/api/webchat/:key/visitors': {
    request: { visitorToken?: string };
    response: { visitorToken: string; visitor: Visitor };
  };
}

/** HTTP errors share the command error shape. */
export type { ProtocolError as HttpError } from './errors.js';
