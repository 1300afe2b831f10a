/** One e-mail: plain text always (every client reads it), simple HTML beside it when there is one. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Where the server's e-mails go: SMTP in production (`smtpMailer`), memory in tests and the demo (`MemoryOutbox`). */
export interface Mailer {
  /** Resolves once the mail is accepted for delivery; rejects when it could not be handed over. */
  send(mail: Mail): Promise<void>;
}
