// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaLogin as ConectaLoginElement } from '../elements/conecta-login/conecta-login.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { LanguageChangedEvent, LoginEvent } from '../elements/conecta-login/events.js';

/** `<conecta-login>` as a React component. An agent's sign-in: e-mail and password, "forgot my password" (a reset link by e-mail), the lock after too many wrong passwords explained with the time to wait, and the language of the form. Needs no client: it is what gets one. */
export const ConectaLogin = createComponent({
  react: React,
  tagName: 'conecta-login',
  elementClass: ConectaLoginElement,
  displayName: 'ConectaLogin',
  events: {
    /** Signed in. `detail: {token, expiresAt, agent}`. */
    onLogin: 'conecta-login' as EventName<LoginEvent>,
    /** The language was chosen in the form (the element's `lang` is set). `detail: {language}`. */
    onLanguageChanged: 'conecta-language-changed' as EventName<LanguageChangedEvent>,
    /** The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
  },
});
