/** Who sent a command: fixed at the socket handshake. */
export type Identity = AgentIdentity | VisitorIdentity;

interface AgentIdentity {
  kind: 'agent';
  agentId: string;
  /** So a logout can disconnect the sockets opened with that token. */
  tokenHash: string;
}

export interface VisitorIdentity {
  kind: 'visitor';
  visitorId: string;
  contactId: string;
  channelKey: string;
}
