import type { Language } from '../../i18n/language.js';
import type { AgentSignOn } from '../../protocol/http.js';

/**
 * The agent signed in: the page hands the token to `ConectaClient.shared({server, token})` or
 * `<conecta-provider token>`. `detail`: what `/api/auth/login` answered.
 */
export class LoginEvent extends CustomEvent<AgentSignOn> {
  static readonly eventName = 'conecta-login';
  constructor(detail: AgentSignOn) {
    super(LoginEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface LanguageChangedEventDetail {
  language: Language;
}

/** The person chose another language in the form: the page may apply it everywhere (e.g. `<html lang>`). */
export class LanguageChangedEvent extends CustomEvent<LanguageChangedEventDetail> {
  static readonly eventName = 'conecta-language-changed';
  constructor(detail: LanguageChangedEventDetail) {
    super(LanguageChangedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-login': LoginEvent;
    'conecta-language-changed': LanguageChangedEvent;
  }
}
