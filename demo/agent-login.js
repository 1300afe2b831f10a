// Login shared by the demo's agent pages: keeps the token for the tab, hands the page a client.
const { ConectaClient, errorText, loginErrorText } = window.Conecta;
const server = location.origin;
const tokenKey = 'conecta-demo:agent-token';

export function startAgentPage({ onDesk }) {
  const login = document.getElementById('login');
  const desk = document.getElementById('desk');
  const error = document.getElementById('login-error');

  const showDesk = (token) => {
    const client = ConectaClient.shared({ server, token });
    const provider = document.getElementById('provider');
    provider.setAttribute('server', server);
    provider.setAttribute('token', token);
    login.hidden = true;
    desk.hidden = false;
    onDesk(client);
  };

  login.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(login);
    error.textContent = '';
    try {
      const { token } = await ConectaClient.login(server, data.get('email'), data.get('password'));
      sessionStorage.setItem(tokenKey, token);
      showDesk(token);
    } catch (failure) {
      // By the error's code, in the page's language: the server's message is English.
      error.textContent = loginErrorText(failure, document.documentElement.lang);
    }
  });

  startForgotPassword(login);

  document.getElementById('logout').addEventListener('click', async () => {
    const token = sessionStorage.getItem(tokenKey);
    sessionStorage.removeItem(tokenKey);
    await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => {});
    location.reload();
  });

  const token = sessionStorage.getItem(tokenKey);
  if (token) showDesk(token);
  else login.hidden = false;
}

/** The forgot-password opener (at the end of the login form) and form (after it), the same on every page using this login. */
const FORGOT_PASSWORD_OPENER = `
  <button type="button" class="link" id="forgot-open">Esqueci minha senha</button>`;
const FORGOT_PASSWORD_FORM = `
  <form class="login" id="forgot" aria-labelledby="forgot-title" hidden>
    <h1 id="forgot-title">Esqueci minha senha</h1>
    <p>Informe o e-mail da sua conta: enviaremos um link para criar uma nova senha.</p>
    <label>E-mail <input name="email" type="email" autocomplete="username" required /></label>
    <p role="alert" id="forgot-error" class="collapse-empty"></p>
    <div role="status">
      <div class="sent" id="forgot-sent" hidden>
        <p>Se o endereço tiver uma conta, um link está a caminho. Ele vale por uma hora.</p>
        <p>Nesta demonstração nenhum e-mail sai do servidor: o link aparece na <a href="/mailbox/">caixa de e-mails da demonstração</a>.</p>
      </div>
    </div>
    <button type="submit">Enviar link</button>
    <button type="button" class="link" id="forgot-close">Voltar para entrar</button>
  </form>`;

/**
 * "Esqueci minha senha": asks the server to mail a reset link. The answer is the same whether or not
 * the address has an account (no one learns who has one), and so is what the page says.
 */
function startForgotPassword(login) {
  login.insertAdjacentHTML('beforeend', FORGOT_PASSWORD_OPENER);
  login.insertAdjacentHTML('afterend', FORGOT_PASSWORD_FORM);
  const forgot = document.getElementById('forgot');
  const opener = document.getElementById('forgot-open');
  const sent = document.getElementById('forgot-sent');
  const error = document.getElementById('forgot-error');
  const email = forgot.elements.namedItem('email');

  const show = (form) => {
    login.hidden = form !== login;
    forgot.hidden = form !== forgot;
  };

  opener.addEventListener('click', () => {
    email.value = login.elements.namedItem('email').value;
    sent.hidden = true;
    error.textContent = '';
    show(forgot);
    email.focus();
  });

  document.getElementById('forgot-close').addEventListener('click', () => {
    show(login);
    opener.focus();
  });

  forgot.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    sent.hidden = true;
    const submit = forgot.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      await ConectaClient.requestPasswordReset(server, email.value);
      sent.hidden = false;
    } catch (failure) {
      error.textContent = errorText(failure, document.documentElement.lang);
    } finally {
      submit.disabled = false;
    }
  });
}
