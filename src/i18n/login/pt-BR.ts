/**
 * `<conecta-login>`'s texts (also the demo's and `loginErrorText`'s): one table per language, put
 * under `login` in the agent tables.
 */
export interface LoginTranslation {
  title: string;
  email: string;
  password: string;
  submit: string;
  signingIn: string;
  wrongCredentials: string;
  retryIn: (time: string) => string;
  /** Why the form is locked after RATE_LIMITED, under the error with the wait. */
  lockedExplained: string;
  forgotOpen: string;
  forgotTitle: string;
  forgotIntro: string;
  forgotSubmit: string;
  forgotSent: string;
  forgotBack: string;
  language: string;
  /** Each language's name in itself: a person who cannot read the current one still finds theirs. */
  languageNames: { 'pt-BR': string; en: string; es: string };
}

export const loginPtBR: LoginTranslation = {
  title: 'Entrar',
  email: 'E-mail',
  password: 'Senha',
  submit: 'Entrar',
  signingIn: 'Entrando…',
  wrongCredentials: 'E-mail ou senha incorretos.',
  retryIn: (time) => `Tente de novo em ${time}.`,
  lockedExplained:
    'Por segurança, o acesso fica bloqueado por um tempo depois de várias senhas erradas. Se não lembrar a senha, use “Esqueci minha senha”.',
  forgotOpen: 'Esqueci minha senha',
  forgotTitle: 'Esqueci minha senha',
  forgotIntro: 'Informe o e-mail da sua conta: enviaremos um link para criar uma nova senha.',
  forgotSubmit: 'Enviar link',
  forgotSent: 'Se o endereço tiver uma conta, um link está a caminho. Ele vale por uma hora.',
  forgotBack: 'Voltar para entrar',
  language: 'Idioma',
  languageNames: { 'pt-BR': 'Português (Brasil)', en: 'English', es: 'Español' },
};
