// Login shared by the demo's agent pages: keeps the token for the tab, hands the page a client.
const { ConectaClient, loginErrorText } = window.Conecta;
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
