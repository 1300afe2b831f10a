/** Who sent a command: fixed at the socket handshake. */
export type Identity = AgentIdentity | VisitorIdentity;

interface AgentIdentity {
  kind: 'agent';
  agentId: string;
  /** So a logout can disconnect the sockets opened with that token; `auth.refresh` replaces it. */
  tokenHash: string;
  /** When the token stops working (the expiry sweep closes the socket then); `auth.refresh` moves it. */
  expiresAt: number;
}

export interface VisitorIdentity {
  kind: 'visitor';
  visitorId: string;
  contactId: string;
  channelKey: string;
}
