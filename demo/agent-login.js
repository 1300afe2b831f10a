// Login shared by the demo's agent pages (<conecta-login>): keeps the token for the tab, hands the page a client.
const { ConectaClient } = window.Conecta;
const server = location.origin;
const tokenKey = 'conecta-demo:agent-token';

export function startAgentPage({ onDesk }) {
  const login = document.getElementById('login');
  const desk = document.getElementById('desk');

  const showDesk = (token) => {
    const client = ConectaClient.shared({ server, token });
    const provider = document.getElementById('provider');
    provider.setAttribute('server', server);
    provider.setAttribute('token', token);
    login.hidden = true;
    desk.hidden = false;
    onDesk(client);
  };

  login.addEventListener('conecta-login', ({ detail }) => {
    sessionStorage.setItem(tokenKey, detail.token);
    showDesk(detail.token);
  });
  // The language chosen at the login (or in the agent bar's profile) is the whole page's.
  document.addEventListener('conecta-language-changed', ({ detail }) => (document.documentElement.lang = detail.language));

  // Each agent page logs out through its <conecta-agent-bar> (token revoked, client closed).
  document.addEventListener('conecta-logout', () => {
    sessionStorage.removeItem(tokenKey);
    location.reload();
  });

  const token = sessionStorage.getItem(tokenKey);
  if (token) showDesk(token);
  else login.hidden = false;
}
