export const agentRoom = (agentId: string) => `agent:${agentId}`;
export const teamRoom = (teamId: string) => `team:${teamId}`;
/** Every socket of every visitor (device, tab) of a webchat contact: a verified user has several. */
export const visitorRoom = (contactId: string) => `visitor:${contactId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Every agent socket: notes are shared by all agents. */
export const AGENTS_ROOM = 'agents';
/** Every socket opened with (or refreshed to) one agent token: a logout or revocation finds them here. */
export const tokenRoom = (tokenHash: string) => `token:${tokenHash}`;
/** The team's supervisors (and admins, owners): they follow every session of the team, not only its queue. */
export const supervisorRoom = (teamId: string) => `supervisors:${teamId}`;
/** The team's agents who are online (not paused, away or offline): new waiting sessions are offered to them. */
export const availableRoom = (teamId: string) => `available:${teamId}`;
