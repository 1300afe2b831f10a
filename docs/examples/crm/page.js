// The CRM page: the CRM's own login, then the Conecta agent elements signed on through the CRM's
// back end (backend.mjs), a screen-pop on each accepted session, and what to do when the sign-in ends.
const provider = document.getElementById('conecta');
const session = document.getElementById('session');
const login = document.getElementById('crm-login');
const desk = document.getElementById('crm-desk');
const ended = document.getElementById('ended');

/**
 * What `<conecta-provider>` calls at connection and again before each token expires: a fresh agent
 * token from the CRM's back end (which holds the API key), as `{token, expiresAt}`. A rejection tells
 * the elements that no token can be had (they show it, and fire `conecta-auth-ended`).
 */
async function getConectaToken() {
  const response = await fetch('/crm/conecta-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) throw new Error(`The CRM could not get a Conecta token (${response.status}).`);
  return response.json();
}

function showDesk(user) {
  document.getElementById('crm-user').textContent = user.name || user.email;
  document.getElementById('crm-logout').hidden = false;
  login.hidden = true;
  desk.hidden = false;
  provider.getToken = getConectaToken;
}

/** Screen-pop: the accepted (or chosen) session opens beside the queue, with the customer's record. */
function openSession({ detail }) {
  session.sessionId = detail.session.id;
  session.hidden = false;
  const { contact } = detail;
  document.getElementById('customer-name').textContent = contact.name ?? '—';
  document.getElementById('customer-email').textContent = contact.email ?? '—';
  document.getElementById('customer-phone').textContent = contact.phone ?? '—';
  document.getElementById('customer-empty').hidden = true;
  document.getElementById('customer-card').hidden = false;
}
document.addEventListener('conecta-session-accepted', openSession);
document.addEventListener('conecta-session-selected', openSession);

/**
 * The sign-in ended for good (the API key was revoked, the agent deactivated, the CRM back end refused):
 * each agent element shows why; the CRM says it once, at the top, with a way to try again.
 */
const endedTexts = {
  expired: 'Sua sessão no Conecta expirou.',
  revoked: 'Seu acesso ao Conecta foi encerrado.',
  deactivated: 'Sua conta no Conecta foi desativada.',
  refused: 'O CRM não conseguiu conectar você ao Conecta.',
};
document.addEventListener('conecta-auth-ended', ({ detail }) => {
  document.getElementById('ended-text').textContent = endedTexts[detail.reason] ?? endedTexts.refused;
  ended.hidden = false;
});
document.getElementById('ended-retry').addEventListener('click', () => location.reload());

login.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(login));
  const response = await fetch('/crm/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (!response.ok) {
    document.getElementById('crm-login-error').textContent = 'Não foi possível entrar no CRM.';
    return;
  }
  showDesk((await response.json()).user);
});

document.getElementById('crm-logout').addEventListener('click', async () => {
  await fetch('/crm/logout', { method: 'POST' });
  location.reload();
});

const { user } = await fetch('/crm/me').then((response) => response.json());
if (user) showDesk(user);
else login.hidden = false;
