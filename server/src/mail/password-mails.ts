import type { PasswordTokenPurpose } from '../db/repository.js';
import type { Mail } from './mailer.js';

export type MailLanguage = 'pt-BR' | 'en' | 'es';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['pt-BR', 'en', 'es'];

interface PasswordMailText {
  subject: string;
  greeting: (name: string) => string;
  body: string;
  action: string;
  validity: string;
  ignore: string;
}

/** pt-BR is the source; every language has both kinds of link. */
const TEXTS: Record<MailLanguage, Record<PasswordTokenPurpose, PasswordMailText>> = {
  'pt-BR': {
    invite: {
      subject: 'Seu acesso ao Conecta',
      greeting: (name) => `Olá, ${name}!`,
      body: 'Você foi convidado(a) para o Conecta. Para entrar, crie sua senha pelo link abaixo.',
      action: 'Criar minha senha',
      validity: 'O link vale por 7 dias e só pode ser usado uma vez.',
      ignore: 'Se você não esperava este convite, ignore este e-mail.',
    },
    reset: {
      subject: 'Redefinição de senha do Conecta',
      greeting: (name) => `Olá, ${name}!`,
      body: 'Recebemos um pedido para redefinir a sua senha do Conecta. Para escolher uma nova, use o link abaixo.',
      action: 'Redefinir minha senha',
      validity: 'O link vale por 1 hora e só pode ser usado uma vez. Ao trocar a senha, você sai de todos os dispositivos.',
      ignore: 'Se não foi você quem pediu, ignore este e-mail: sua senha continua a mesma.',
    },
  },
  en: {
    invite: {
      subject: 'Your access to Conecta',
      greeting: (name) => `Hello, ${name}!`,
      body: 'You have been invited to Conecta. To sign in, set your password through the link below.',
      action: 'Set my password',
      validity: 'The link is valid for 7 days and works only once.',
      ignore: 'If you did not expect this invitation, ignore this e-mail.',
    },
    reset: {
      subject: 'Reset your Conecta password',
      greeting: (name) => `Hello, ${name}!`,
      body: 'We received a request to reset your Conecta password. To choose a new one, use the link below.',
      action: 'Reset my password',
      validity: 'The link is valid for 1 hour and works only once. Changing the password signs you out everywhere.',
      ignore: 'If you did not ask for this, ignore this e-mail: your password stays the same.',
    },
  },
  es: {
    invite: {
      subject: 'Su acceso a Conecta',
      greeting: (name) => `¡Hola, ${name}!`,
      body: 'Le han invitado a Conecta. Para entrar, cree su contraseña con el enlace de abajo.',
      action: 'Crear mi contraseña',
      validity: 'El enlace es válido durante 7 días y solo se puede usar una vez.',
      ignore: 'Si no esperaba esta invitación, ignore este correo.',
    },
    reset: {
      subject: 'Restablecimiento de la contraseña de Conecta',
      greeting: (name) => `¡Hola, ${name}!`,
      body: 'Recibimos una solicitud para restablecer su contraseña de Conecta. Para elegir una nueva, use el enlace de abajo.',
      action: 'Restablecer mi contraseña',
      validity:
        'El enlace es válido durante 1 hora y solo se puede usar una vez. Al cambiar la contraseña, se cierra su sesión en todos los dispositivos.',
      ignore: 'Si no fue usted quien lo pidió, ignore este correo: su contraseña sigue siendo la misma.',
    },
  },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The invite or reset e-mail with its one-time link, as plain text and simple HTML (the name is the agent's own text: escaped). */
export function passwordMail(
  purpose: PasswordTokenPurpose,
  language: MailLanguage,
  to: { name: string; email: string },
  link: string,
): Mail {
  const t = TEXTS[language][purpose];
  const text = [t.greeting(to.name), '', t.body, '', link, '', t.validity, t.ignore, ''].join('\n');
  const html = `<!doctype html>
<html lang="${language}">
  <body>
    <p>${escapeHtml(t.greeting(to.name))}</p>
    <p>${escapeHtml(t.body)}</p>
    <p><a href="${escapeHtml(link)}">${escapeHtml(t.action)}</a></p>
    <p>${escapeHtml(t.validity)}<br />${escapeHtml(t.ignore)}</p>
  </body>
</html>
`;
  return { to: to.email, subject: t.subject, text, html };
}
