// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaAgentBar as ConectaAgentBarElement } from '../elements/conecta-agent-bar/conecta-agent-bar.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { AlertsChangedEvent, LogoutEvent } from '../elements/conecta-agent-bar/events.js';
import type { LanguageChangedEvent } from '../elements/conecta-login/events.js';

/** `<conecta-agent-bar>` as a React component. The agent's bar: name, nickname and photo; the connection (green, amber, red, each with what to check); time logged in today; pauses (type, countdown, a warning past the limit, end); sound and notifications; counters (with the statistics permission); the profile dialog; logout. */
export const ConectaAgentBar = createComponent({
  react: React,
  tagName: 'conecta-agent-bar',
  elementClass: ConectaAgentBarElement,
  displayName: 'ConectaAgentBar',
  events: {
    /** The agent logged out (token revoked, client closed): show the login. */
    onLogout: 'conecta-logout' as EventName<LogoutEvent>,
    /** Sound and notifications turned on or off. `detail: {enabled}`. */
    onAlertsChanged: 'conecta-alerts-changed' as EventName<AlertsChangedEvent>,
    /** The agent chose a language in the profile (saved on the server): the page may apply it. `detail: {language}`. */
    onLanguageChanged: 'conecta-language-changed' as EventName<LanguageChangedEvent>,
    /** The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
  },
});
