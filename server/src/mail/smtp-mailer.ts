import { createTransport } from 'nodemailer';
import type { Mail, Mailer } from './mailer.js';

/** The sender when none is set (MAIL_FROM): most SMTP servers want a real one of their domain. */
export const DEFAULT_MAIL_FROM = 'Conecta <no-reply@localhost>';

/**
 * Sends through an SMTP server given as a URL (`smtps://user:pass@smtp.example.com:465`,
 * `smtp://localhost:2525`): nodemailer reads host, port, TLS and credentials from it.
 * `from`: the sender every mail carries (`Conecta <no-reply@example.com>`).
 */
export function smtpMailer(url: string, from = DEFAULT_MAIL_FROM): Mailer & { close(): void } {
  const transport = createTransport(url);
  return {
    async send(mail: Mail): Promise<void> {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html && { html: mail.html }) });
    },
    close: () => transport.close(),
  };
}
