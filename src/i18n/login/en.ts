import type { LoginTranslation } from './pt-BR.js';

export const loginEn: LoginTranslation = {
  title: 'Sign in',
  email: 'E-mail',
  password: 'Password',
  submit: 'Sign in',
  signingIn: 'Signing in…',
  wrongCredentials: 'Wrong e-mail or password.',
  retryIn: (time) => `Try again in ${time}.`,
  lockedExplained:
    'For your security, signing in is blocked for a while after several wrong passwords. If you do not remember yours, use “Forgot my password”.',
  forgotOpen: 'Forgot my password',
  forgotTitle: 'Forgot my password',
  forgotIntro: 'Enter your account’s e-mail: we will send a link to create a new password.',
  forgotSubmit: 'Send link',
  forgotSent: 'If the address has an account, a link is on its way. It works for one hour.',
  forgotBack: 'Back to sign in',
  language: 'Language',
  languageNames: { 'pt-BR': 'Português (Brasil)', en: 'English', es: 'Español' },
};
