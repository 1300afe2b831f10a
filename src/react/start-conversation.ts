// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaStartConversation as ConectaStartConversationElement } from '../elements/conecta-start-conversation/conecta-start-conversation.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { ConversationStartedEvent } from '../elements/conecta-start-conversation/events.js';

/** `<conecta-start-conversation>` as a React component. "Iniciar conversa": the agent writes first to a contact on a channel with a way out (WhatsApp). The account ("Conta": choosing one narrows the contact search to its contacts), the contact (given, or found as in the directory, shown with its account), the destination — a team among the agent's (the session opens active for the agent) or the channel's automatic flow (it waits in the channel's team once the first message is out) —, the channel; then a template — its variables filled with a live preview, pre-filled from the contact where a variable names a field (`nome`, `email`, `cpf`, `agente`…) — when the 24-hour window is closed, or a free message while it is open. A contact without the channel's address (a phone, for WhatsApp) gets a clear error before anything is sent. */
export const ConectaStartConversation = createComponent({
  react: React,
  tagName: 'conecta-start-conversation',
  elementClass: ConectaStartConversationElement,
  displayName: 'ConectaStartConversation',
  events: {
    /** The session was started: active for the agent, or waiting in the automatic flow's team. `detail: {session, contact}`. */
    onConversationStarted: 'conecta-conversation-started' as EventName<ConversationStartedEvent>,
    /** The agent's sign-in ended and could not be renewed. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
  },
});
