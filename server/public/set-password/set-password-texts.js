// The set-password page's texts: pt-BR is the source, en and es complete.
/** @typedef {'pt-BR' | 'en' | 'es'} PageLanguage */

export const MIN_LENGTH = 10;

export const TEXTS = {
  'pt-BR': {
    pageTitle: 'Criar senha — Conecta',
    title: 'Criar senha',
    hint: `Use pelo menos ${MIN_LENGTH} caracteres.`,
    password: 'Nova senha',
    confirmation: 'Repita a nova senha',
    show: 'Mostrar senha',
    save: 'Salvar senha',
    saving: 'Salvando…',
    done: 'Senha salva. Você já pode entrar com ela.',
    desk: 'Ir para a mesa do agente',
    tooShort: `A senha precisa ter pelo menos ${MIN_LENGTH} caracteres.`,
    tooLong: 'A senha é longa demais.',
    mismatch: 'As duas senhas não são iguais.',
    missingLink: 'Este link está incompleto. Abra de novo o link do e-mail, inteiro.',
    expired: 'Este link expirou. Peça um novo em “Esqueci minha senha”, na tela de entrada.',
    used: 'Este link já foi usado ou foi substituído por um mais novo. Use o e-mail mais recente ou peça um novo em “Esqueci minha senha”.',
    invalid: 'Este link não é válido. Peça um novo em “Esqueci minha senha”, na tela de entrada.',
    rateLimited: (seconds) => `Muitas tentativas. Tente de novo em ${seconds} s.`,
    offline: 'Não foi possível falar com o servidor. Verifique a conexão e tente de novo.',
    failed: 'Algo deu errado ao salvar a senha. Tente de novo.',
  },
  en: {
    pageTitle: 'Set your password — Conecta',
    title: 'Set your password',
    hint: `Use at least ${MIN_LENGTH} characters.`,
    password: 'New password',
    confirmation: 'Repeat the new password',
    show: 'Show password',
    save: 'Save password',
    saving: 'Saving…',
    done: 'Password saved. You can now sign in with it.',
    desk: 'Go to the agent desk',
    tooShort: `The password needs at least ${MIN_LENGTH} characters.`,
    tooLong: 'The password is too long.',
    mismatch: 'The two passwords are not the same.',
    missingLink: 'This link is incomplete. Open the link in the e-mail again, whole.',
    expired: 'This link has expired. Ask for a new one with “Forgot password” on the sign-in screen.',
    used: 'This link was already used or replaced by a newer one. Use the latest e-mail or ask for a new link with “Forgot password”.',
    invalid: 'This link is not valid. Ask for a new one with “Forgot password” on the sign-in screen.',
    rateLimited: (seconds) => `Too many attempts. Try again in ${seconds} s.`,
    offline: 'Could not reach the server. Check the connection and try again.',
    failed: 'Something went wrong while saving the password. Try again.',
  },
  es: {
    pageTitle: 'Crear contraseña — Conecta',
    title: 'Crear contraseña',
    hint: `Use al menos ${MIN_LENGTH} caracteres.`,
    password: 'Nueva contraseña',
    confirmation: 'Repita la nueva contraseña',
    show: 'Mostrar contraseña',
    save: 'Guardar contraseña',
    saving: 'Guardando…',
    done: 'Contraseña guardada. Ya puede entrar con ella.',
    desk: 'Ir al escritorio del agente',
    tooShort: `La contraseña necesita al menos ${MIN_LENGTH} caracteres.`,
    tooLong: 'La contraseña es demasiado larga.',
    mismatch: 'Las dos contraseñas no son iguales.',
    missingLink: 'Este enlace está incompleto. Abra de nuevo el enlace del correo, completo.',
    expired: 'Este enlace ha caducado. Pida uno nuevo con “Olvidé mi contraseña” en la pantalla de acceso.',
    used: 'Este enlace ya se usó o fue reemplazado por uno más nuevo. Use el correo más reciente o pida uno nuevo con “Olvidé mi contraseña”.',
    invalid: 'Este enlace no es válido. Pida uno nuevo con “Olvidé mi contraseña” en la pantalla de acceso.',
    rateLimited: (seconds) => `Demasiados intentos. Inténtelo de nuevo en ${seconds} s.`,
    offline: 'No se pudo contactar con el servidor. Compruebe la conexión e inténtelo de nuevo.',
    failed: 'Algo salió mal al guardar la contraseña. Inténtelo de nuevo.',
  },
};

/** The first of the browser's languages the page has (`en-US` → en); pt-BR otherwise. */
export function pageLanguage(languages = navigator.languages) {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'pt') return 'pt-BR';
    if (base === 'en' || base === 'es') return base;
  }
  return 'pt-BR';
}
