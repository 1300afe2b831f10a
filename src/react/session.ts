// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaSession as ConectaSessionElement } from '../elements/conecta-session/conecta-session.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { SessionSelectedEvent } from '../elements/conecta-queue/events.js';
import type { CallRequestEvent, ContactEditEvent, SessionFinishedEvent } from '../elements/conecta-session/events.js';

/** `<conecta-session>` as a React component. One conversation for an agent: the contact with the session's times and WhatsApp window, the transcript (paged back on scroll), a composer with files and canned responses, the session's actions (template, history, contact, tags, transfer, invite, other channels, call, park, finish) and a side panel with the contact's gallery, notes and the protocol. */
export const ConectaSession = createComponent({
  react: React,
  tagName: 'conecta-session',
  elementClass: ConectaSessionElement,
  displayName: 'ConectaSession',
  events: {
    /** The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
    /** The agent finished the session. `detail: {session, contact}`. */
    onSessionFinished: 'conecta-session-finished' as EventName<SessionFinishedEvent>,
    /** The agent chose an open session of the contact on another channel, for the host to open. `detail: {session, contact}`. (An earlier session chosen from the history, or a finished one on another channel, opens here, read-only, over the current one: the host's session does not change.) */
    onSessionSelected: 'conecta-session-selected' as EventName<SessionSelectedEvent>,
    /** The agent asked to call the contact, for a CRM or PBX to place the call. `detail: {phone, extension, session, contact}`. */
    onCallRequest: 'conecta-call-request' as EventName<CallRequestEvent>,
    /** Cancelable: the agent asked to edit the contact. Unless prevented, a dialog with `<conecta-contact-form>` opens. `detail: {contact, session}`. */
    onContactEdit: 'conecta-contact-edit' as EventName<ContactEditEvent>,
  },
});
