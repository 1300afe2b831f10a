// The bakery's own front-end code: a fake login that vouches for Maria to the chat.
import { webchatApi } from './webchat-ready.js';

const USER_KEY = 'padaria-aurora:user';
const account = document.getElementById('account');
const loginButton = document.getElementById('login');
const logoutButton = document.getElementById('logout');
const unread = document.getElementById('unread');

function showUser(user) {
  account.textContent = user ? `Olá, ${user.name}!` : '';
  loginButton.hidden = Boolean(user);
  logoutButton.hidden = !user;
}

/** The site's server logs Maria in and answers her identity, with the hash only a server can compute. */
async function logIn() {
  const response = await fetch('/site/login', { method: 'POST' });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return response.json();
}

loginButton.addEventListener('click', async () => {
  loginButton.disabled = true;
  try {
    const user = await logIn();
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
    showUser(user);
    await (await webchatApi()).setUser(user);
  } catch (error) {
    account.textContent = 'Não foi possível entrar agora.';
    console.error(error);
  } finally {
    loginButton.disabled = false;
  }
});

logoutButton.addEventListener('click', async () => {
  sessionStorage.removeItem(USER_KEY);
  showUser(null);
  await (await webchatApi()).reset();
});

document.getElementById('open-chat').addEventListener('click', async () => (await webchatApi()).open());

// A logged-in user is vouched for on every page load: the call waits for the widget, which loads lazily.
const saved = JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null');
showUser(saved);
const api = await webchatApi();
if (saved) api.setUser(saved).catch((error) => console.error(error));
api.on('unread', ({ count }) => {
  unread.textContent = count ? `Você tem ${count === 1 ? '1 mensagem nova' : `${count} mensagens novas`} no chat.` : '';
});
