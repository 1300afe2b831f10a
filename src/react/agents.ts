// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaAgents as ConectaAgentsElement } from '../elements/conecta-agents/conecta-agents.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { AgentSelectedEvent } from '../elements/conecta-agents/events.js';

/** `<conecta-agents>` as a React component. Every colleague with their live state (available, on a break, away, offline), searchable by name or nickname, with their unread internal-chat messages; choosing one opens the internal chat. */
export const ConectaAgents = createComponent({
  react: React,
  tagName: 'conecta-agents',
  elementClass: ConectaAgentsElement,
  displayName: 'ConectaAgents',
  events: {
    /** A colleague was chosen (cancelable: cancel to keep the chat closed). `detail: {agentId}`. */
    onAgentSelected: 'conecta-agent-selected' as EventName<AgentSelectedEvent>,
    /** The agent's sign-in ended and could not be renewed. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
  },
});
