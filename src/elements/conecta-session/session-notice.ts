import { html, type ReactiveController } from 'lit';
import type { Session } from '../../protocol/index.js';
import type { SessionHost } from './session-host.js';

/** What a notice is about: the session, its status and who holds it. */
function standing(session: Session | undefined): string {
  if (!session) return '';
  return [session.id, session.status, session.agentId ?? '', ...session.invitedAgentIds].join('|');
}

/**
 * The status line under the toolbar ("transferred", "you left", an error). It speaks of one session
 * as an action left it, so it goes away once the agent looks at another session or the session moves
 * on (accepted again, invited again): a stale "you left" must not sit over a session one is back in.
 */
export class SessionNotice implements ReactiveController {
  #text = '';
  #about = '';

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  /** Say `text` about the session as it stands now; an empty text clears the notice. */
  show(text: string): void {
    this.#text = text;
    this.#about = standing(this.host.view.session);
    this.host.requestUpdate();
  }

  /** Forget the notice (another session is shown). */
  clear(): void {
    this.#text = '';
    this.#about = '';
  }

  /** Before each render: drop the notice once it no longer speaks of the session as it stands. */
  hostUpdate(): void {
    if (this.#text && standing(this.host.view.session) !== this.#about) this.clear();
  }

  render() {
    return html`<p class="notice" part="notice" role="status">${this.#text}</p>`;
  }
}
