// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaContactHistory as ConectaContactHistoryElement } from '../elements/conecta-contact-history/conecta-contact-history.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';

/** `<conecta-contact-history>` as a React component. A contact's past sessions on every channel, newest first — protocol, channel, team, agent, start, end and rating — with "load more"; one opens read only, in the session view `<conecta-session>` has, with a way back. As the server's `contact.history`: an agent without the history permission sees only its own teams' sessions, and is told so. */
export const ConectaContactHistory = createComponent({
  react: React,
  tagName: 'conecta-contact-history',
  elementClass: ConectaContactHistoryElement,
  displayName: 'ConectaContactHistory',
  events: {
    /** The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
  },
});
