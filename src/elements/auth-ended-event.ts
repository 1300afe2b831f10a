import type { AuthEnded } from '../client/state.js';

export interface AuthEndedEventDetail {
  /** `expired`, `revoked`, `deactivated` (the server's word), or `refused` (no working token could be had). */
  reason: AuthEnded;
}

/**
 * The agent's sign-in ended and the client could not renew it: the host page (a CRM) signs the agent
 * in again, or tells them. Every agent element on the page fires it once per ended sign-in.
 */
export class AuthEndedEvent extends CustomEvent<AuthEndedEventDetail> {
  static readonly eventName = 'conecta-auth-ended';
  constructor(detail: AuthEndedEventDetail) {
    super(AuthEndedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-auth-ended': AuthEndedEvent;
  }
}
