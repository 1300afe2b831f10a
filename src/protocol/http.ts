import type { Agent, Attachment, Visitor, WebchatChannel, WebchatUser } from './entities.js';

/** An agent's token, when it stops working (ms since the epoch), and who it is. */
export interface AgentSignOn {
  token: string;
  expiresAt: number;
  agent: Agent;
}

/** HTTP endpoints that hand out identities; everything else travels over the socket. */
export interface HttpApi {
  /** POST: agent login. 401 on bad credentials, 429 (with `retryAfterMs`) while throttled after failures (docs/protocol.md). */
  '/api/auth/login': { request: { email: string; password: string }; response: AgentSignOn };
  /**
   * POST with `Authorization: Bearer <API key>`, from a CRM's back end only (the key never reaches a
   * browser): a short-lived token for the agent with that `email` or `externalId`. With `create`, an
   * agent not found is created with that name and teams (the key's scope must allow it). 401 for an
   * unknown or revoked key, 403 outside its scope, 404 for an unknown agent without `create`.
   */
  '/api/auth/token': {
    request: { email?: string; externalId?: string; create?: { name: string; email: string; teamIds?: string[] } };
    response: AgentSignOn;
  };
  /** POST: sends a password-reset link to the address if an active agent has it; always 202 (no account discovery). */
  '/api/auth/password-reset': { request: { email: string }; response: { ok: true } };
  /** POST: sets the password with the one-time token of an invite or reset link; the link stops working. */
  '/api/auth/password': { request: { token: string; password: string }; response: { ok: true } };
  /** POST with `Authorization: Bearer <token>`: revokes the token. */
  '/api/auth/logout': { request: Record<string, never>; response: { ok: true } };
  /** GET: the public face of a webchat channel. */
  '/api/webchat/:key': { request: never; response: WebchatChannel };
  /**
   * POST: a visitor token for the channel; send the previous token to keep the same visitor. With
   * `user` (identity verification) the server checks `user.hash` against the channel's secret: a
   * mismatch is 401 IDENTITY_REJECTED; a match gives a visitor of that user, whose contact (and so
   * whose sessions) is the same on every device. A previous token of another user is not kept.
   */
  '/api/webchat/:key/visitors': {
    request: { visitorToken?: string; user?: WebchatUser };
    response: { visitorToken: string; visitor: Visitor };
  };
  /**
   * POST multipart/form-data with one `file` part; `Authorization: Bearer <agent token>` or
   * `X-Visitor-Token: <visitor token>`. The type is sniffed from the content. 413 PAYLOAD_TOO_LARGE
   * above `MAX_UPLOAD_BYTES` (10 MiB), 415 UNSUPPORTED_TYPE for executables and unknown binaries. The answer's
   * `id` goes in `message.send`'s `attachmentIds`.
   */
  '/api/files': { request: FormData; response: { attachment: Attachment } };
  /**
   * GET a stored file through the signed, expiring `url` of its attachment: served with
   * `Content-Disposition`, `X-Content-Type-Options: nosniff` and the sniffed type.
   */
  '/api/files/:id': { request: never; response: Blob };
  /**
   * POST: a channel adapter's inbound webhook (the simulated WhatsApp adapter in this reference
   * server): `{ from: E.164, name?, text, externalId }`, signed with the channel's secret in
   * `X-Conecta-Signature: sha256=<hex HMAC of the raw body>`. Opens or continues the contact's session.
   */
  '/api/channels/:key/inbound': {
    request: { from: string; name?: string; text: string; externalId: string };
    response: { sessionId: string; messageId: string };
  };
}
