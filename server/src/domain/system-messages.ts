import type { SystemEvent } from '../../../src/protocol/index.js';

/** English wording of a system message, for clients that do not word `system` themselves. */
export function describe(event: SystemEvent): string {
  switch (event.type) {
    case 'accepted':
      return `${event.agentName} accepted the session.`;
    case 'transferred': {
      const to = event.toAgentName ? `${event.toAgentName} (${event.toTeamName})` : event.toTeamName;
      return `${event.byAgentName} transferred the session to ${to}.${event.note ? ` Note: ${event.note}` : ''}`;
    }
    case 'invited':
      return `${event.byAgentName} invited ${event.agentName}.`;
    case 'left':
      return `${event.agentName} left the session.`;
    case 'parked':
      return `${event.agentName} set the session pending.`;
    case 'rescued':
      return `${event.agentName} rescued the session.`;
    case 'finished':
      if (event.agentName) return `${event.agentName} finished the session.`;
      return event.bulk ? 'The session was finished.' : 'The contact ended the conversation.';
    case 'expired':
      return 'The session waited longer than the team\u2019s limit and was finished.';
  }
}
