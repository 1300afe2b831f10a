// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaAgentDesk as ConectaAgentDeskElement } from '../elements/conecta-agent-desk/conecta-agent-desk.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { SessionAcceptedEvent, SessionSelectedEvent } from '../elements/conecta-queue/events.js';
import type { SessionFinishedEvent } from '../elements/conecta-session/events.js';
import type { ConversationStartedEvent } from '../elements/conecta-start-conversation/events.js';

/** `<conecta-agent-desk>` as a React component. The whole agent desk as one tag, for a CRM that wants everything: the agent bar above; the queue, the open session and its contact's record side by side; colleagues and the internal chat beside them. Every panel shares the desk's one client (a `<conecta-provider>` ancestor, the `client` property, or the page's client for `server`). Choosing or accepting a session in the queue opens it; a finished session stays open (so the contact's rating shows when it comes) until the agent closes it or opens another. On a wide host the queue, the session and a side column (contact, colleagues) stand side by side; narrower, the panels wrap. Below 40rem of its own width (a phone, a CRM's side column) it becomes the mobile app: tabs Espera, Atendimentos, Cliente (the open session's contact; the directory is the Contatos button) and Agentes at the bottom, and an opened session full screen with a Back button (also Escape). */
export const ConectaAgentDesk = createComponent({
  react: React,
  tagName: 'conecta-agent-desk',
  elementClass: ConectaAgentDeskElement,
  displayName: 'ConectaAgentDesk',
  events: {
    /** From the queue: a waiting session was accepted (the desk opens it). */
    onSessionAccepted: 'conecta-session-accepted' as EventName<SessionAcceptedEvent>,
    /** From the queue or the session: a session was chosen (the desk opens it). */
    onSessionSelected: 'conecta-session-selected' as EventName<SessionSelectedEvent>,
    /** From the session: the agent finished it (the desk keeps it open, finished). */
    onSessionFinished: 'conecta-session-finished' as EventName<SessionFinishedEvent>,
    /** From the directory: the agent started a conversation (the desk closes the directory and opens it). */
    onConversationStarted: 'conecta-conversation-started' as EventName<ConversationStartedEvent>,
    /** The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
  },
});
