import { nothing } from 'lit';
import type { SessionDialog, SessionDialogs } from './session-dialogs.js';
import type { SessionHost } from './session-host.js';

/**
 * The session's dialogs (template, history, other channels, contact, tags, transfer, invite) as a
 * chunk of their own, loaded the first time the agent opens one: most sessions end without any. The
 * session's next update waits for it (`loading`), so the dialog opens as if it had always been there.
 */
export class SessionDialogsOnDemand {
  #dialogs: SessionDialogs | null = null;
  /** The chunk while it loads, for the session's update to wait for. */
  loading: Promise<void> | null = null;

  constructor(private readonly host: SessionHost) {}

  show(kind: SessionDialog, opener: EventTarget | null): void {
    if (this.#dialogs) return this.#dialogs.show(kind, opener);
    this.loading ??= import('./session-dialogs.js')
      .then(
        ({ SessionDialogs }) => void (this.#dialogs = new SessionDialogs(this.host)),
        // Offline: say so; the agent's next click tries again.
        (error: unknown) => this.host.notify(this.host.errorMessage(error)),
      )
      .finally(() => (this.loading = null));
    void this.loading.then(() => this.#dialogs?.show(kind, opener));
    this.host.requestUpdate();
  }

  close(): void {
    this.#dialogs?.close();
  }

  render() {
    return this.#dialogs?.render() ?? nothing;
  }
}
