import type { SessionEventDetail } from '../conecta-queue/events.js';

/** The agent finished the session (after confirming). */
export class SessionFinishedEvent extends CustomEvent<SessionEventDetail> {
  static readonly eventName = 'conecta-session-finished';
  constructor(detail: SessionEventDetail) {
    super(SessionFinishedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-session-finished': SessionFinishedEvent;
  }
}
