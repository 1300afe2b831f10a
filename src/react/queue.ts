// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaQueue as ConectaQueueElement } from '../elements/conecta-queue/conecta-queue.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { SessionAcceptedEvent, SessionSelectedEvent } from '../elements/conecta-queue/events.js';

/** `<conecta-queue>` as a React component. The agent's queue in three phases — waiting (oldest first, live wait time, for the team or for the agent), in service, and pending (most recent interaction first) — with team filter, search, a read-only preview of waiting sessions, accept, rescue, bulk rescue/finish of up to 50 pending sessions, and an optional alert for new waiting sessions while the page is hidden. */
export const ConectaQueue = createComponent({
  react: React,
  tagName: 'conecta-queue',
  elementClass: ConectaQueueElement,
  displayName: 'ConectaQueue',
  events: {
    /** The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
    /** A waiting session was accepted by this agent. `detail: {session, contact}`. */
    onSessionAccepted: 'conecta-session-accepted' as EventName<SessionAcceptedEvent>,
    /** An active or pending session was opened (click or Enter). `detail: {session, contact}`. */
    onSessionSelected: 'conecta-session-selected' as EventName<SessionSelectedEvent>,
  },
});
