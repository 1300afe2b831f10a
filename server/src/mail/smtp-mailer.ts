import { createTransport } from 'nodemailer';
import type { Mail, Mailer } from './mailer.js';

/**
 * Sends through an SMTP server given as a URL (`smtps://user:pass@smtp.example.com:465`,
 * `smtp://localhost:2525`): nodemailer reads host, port, TLS and credentials from it.
 * `from`: the sender every mail carries (`Conecta <no-reply@example.com>`).
 */
export function smtpMailer(url: string, from: string): Mailer & { close(): void } {
  const transport = createTransport(url);
  return {
    async send(mail: Mail): Promise<void> {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html && { html: mail.html }) });
    },
    close: () => transport.close(),
  };
}
