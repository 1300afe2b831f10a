/** The agent logged out from the bar (the token is revoked, the client closed): the page shows its login. */
export class LogoutEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'conecta-logout';
  constructor() {
    super(LogoutEvent.eventName, { detail: {}, bubbles: true, composed: true });
  }
}

export interface AlertsChangedEventDetail {
  /** Whether the agent wants sound and notifications for new sessions. */
  enabled: boolean;
}

/** The agent turned sound and notifications on or off: the page passes it on (e.g. `<conecta-queue with-alerts>`). */
export class AlertsChangedEvent extends CustomEvent<AlertsChangedEventDetail> {
  static readonly eventName = 'conecta-alerts-changed';
  constructor(detail: AlertsChangedEventDetail) {
    super(AlertsChangedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-logout': LogoutEvent;
    'conecta-alerts-changed': AlertsChangedEvent;
  }
}
