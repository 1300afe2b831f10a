import type { Mail, Mailer } from './mailer.js';

export interface OutboxMail extends Mail {
  /** When it was "sent", milliseconds since the epoch. */
  sentAt: number;
}

/**
 * A mailer that keeps the last `capacity` mails in memory instead of sending them: what tests read,
 * and the demo's mailbox page (`/mailbox/`), so "forgot password" works without an SMTP server.
 */
export class MemoryOutbox implements Mailer {
  readonly #mails: OutboxMail[] = [];

  constructor(
    private readonly capacity = 100,
    private readonly now: () => number = Date.now,
  ) {}

  send(mail: Mail): Promise<void> {
    this.#mails.push({ ...mail, sentAt: this.now() });
    if (this.#mails.length > this.capacity) this.#mails.splice(0, this.#mails.length - this.capacity);
    return Promise.resolve();
  }

  /** Oldest first; only those to `to` when given (compared without case). */
  mails(to?: string): OutboxMail[] {
    const wanted = to?.toLowerCase();
    return this.#mails.filter((mail) => wanted === undefined || mail.to.toLowerCase() === wanted);
  }

  /** The newest mail (to `to`, when given), if any. */
  last(to?: string): OutboxMail | undefined {
    return this.mails(to).at(-1);
  }

  clear(): void {
    this.#mails.length = 0;
  }
}
