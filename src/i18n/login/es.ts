import type { LoginTranslation } from './pt-BR.js';

export const loginEs: LoginTranslation = {
  title: 'Iniciar sesión',
  email: 'Correo electrónico',
  password: 'Contraseña',
  submit: 'Iniciar sesión',
  signingIn: 'Iniciando sesión…',
  wrongCredentials: 'Correo electrónico o contraseña incorrectos.',
  retryIn: (time) => `Inténtalo de nuevo en ${time}.`,
  lockedExplained:
    'Por seguridad, el acceso queda bloqueado un tiempo después de varias contraseñas incorrectas. Si no recuerdas la tuya, usa “Olvidé mi contraseña”.',
  forgotOpen: 'Olvidé mi contraseña',
  forgotTitle: 'Olvidé mi contraseña',
  forgotIntro: 'Indica el correo de tu cuenta: te enviaremos un enlace para crear una contraseña nueva.',
  forgotSubmit: 'Enviar enlace',
  forgotSent: 'Si la dirección tiene una cuenta, el enlace ya va en camino. Vale por una hora.',
  forgotBack: 'Volver a iniciar sesión',
  language: 'Idioma',
  languageNames: { 'pt-BR': 'Português (Brasil)', en: 'English', es: 'Español' },
};
