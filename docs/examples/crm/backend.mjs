// A CRM's back end, as small as it gets (plain node:http, no dependencies), signing the CRM's users in
// to Conecta as agents with an API key. Walked through in docs/crm.md.
//
//   node docs/examples/crm/backend.mjs          (CONECTA_URL, CONECTA_API_KEY, PORT from the environment)
//
// Or from code: `const crm = await startCrmBackend({conectaUrl, apiKey, port: 0}); … crm.url … await crm.close()`.
//
// What a real CRM has and this one pretends: its own login (here: type an e-mail, no password) and
// its own sessions (here: a Map in memory). What it must do as here: keep the API key on the server,
// sign on only the user of the CRM session asking, and hand the page the short-lived agent token only.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const here = new URL('./', import.meta.url);
const SESSION_COOKIE = 'crm_session';

/**
 * Starts the CRM back end; resolves once it listens.
 * @param {object} options
 * @param {string} options.conectaUrl The Conecta server, e.g. `https://atendimento.example.com`.
 * @param {string} options.apiKey The API key's secret (`ck_…`), from `POST /api/admin/v1/api-keys`. Never sent to a browser.
 * @param {number} [options.port] 0 (the default) picks a free port.
 * @param {string} [options.host] Default 127.0.0.1.
 * @param {string[]} [options.newAgentTeamIds] When given (and the key may create agents), a CRM user
 *   without a Conecta agent yet becomes one on first sign-on, in these teams.
 * @returns {Promise<{url: string, close(): Promise<void>}>}
 */
export async function startCrmBackend({ conectaUrl, apiKey, port = 0, host = '127.0.0.1', newAgentTeamIds }) {
  if (!conectaUrl || !apiKey) throw new TypeError('startCrmBackend needs conectaUrl and apiKey.');
  const conecta = conectaUrl.replace(/\/+$/, '');
  /** The CRM's sessions: session id → the CRM user ({email, name}). */
  const sessions = new Map();
  const page = (await readFile(new URL('page.html', here), 'utf8')).replaceAll('%CONECTA_URL%', escapeHtml(conecta));
  const script = await readFile(new URL('page.js', here), 'utf8');

  /** The one place the API key is used: a short-lived token for the agent of this CRM user. */
  async function conectaToken(user) {
    const body = { email: user.email };
    if (newAgentTeamIds) body.create = { name: user.name || user.email, email: user.email, teamIds: newAgentTeamIds };
    const response = await fetch(`${conecta}/api/auth/token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => null);
    return { status: response.status, answer };
  }

  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://crm');
      const session = sessionOf(request, sessions);
      if (request.method === 'GET' && pathname === '/') return send(response, 200, page, 'text/html; charset=utf-8');
      if (request.method === 'GET' && pathname === '/page.js') return send(response, 200, script, 'text/javascript; charset=utf-8');
      if (request.method === 'GET' && pathname === '/crm/me') return sendJson(response, 200, { user: session?.user ?? null });
      if (request.method !== 'POST') return sendJson(response, 404, { error: 'not found' });
      // Writes and tokens only for the CRM's own pages: a cross-site form or fetch has another Origin.
      if (!sameOrigin(request)) return sendJson(response, 403, { error: 'cross-site request refused' });

      if (pathname === '/crm/login') {
        const { email, name } = await readJson(request);
        if (typeof email !== 'string' || !email.includes('@')) return sendJson(response, 400, { error: 'email is required' });
        const id = randomBytes(24).toString('base64url');
        sessions.set(id, { user: { email: email.trim().toLowerCase(), name: typeof name === 'string' ? name.trim() : '' } });
        response.setHeader('set-cookie', `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`);
        return sendJson(response, 200, { user: sessions.get(id).user });
      }
      if (pathname === '/crm/logout') {
        if (session) sessions.delete(session.id);
        response.setHeader('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
        return sendJson(response, 200, { ok: true });
      }
      if (pathname === '/crm/conecta-token') {
        if (!session) return sendJson(response, 401, { error: 'sign in to the CRM first' });
        const { status, answer } = await conectaToken(session.user);
        // Only what the page needs: the token and when it expires (the agent's profile comes through the socket).
        if (status === 200) return sendJson(response, 200, { token: answer.token, expiresAt: answer.expiresAt });
        // Conecta's reasons (unknown or revoked key: 401; agent deactivated or outside the key's teams: 403;
        // no such agent: 404) are the CRM's to log; the page only learns that it got no token.
        console.warn(`Conecta sign-on for ${session.user.email} refused: ${status} ${answer?.error?.message ?? ''}`);
        return sendJson(response, 403, { error: 'no Conecta access for this user' });
      }
      return sendJson(response, 404, { error: 'not found' });
    } catch (error) {
      console.error(error);
      return sendJson(response, 500, { error: 'internal error' });
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sessionOf(request, sessions) {
  const cookie = (request.headers.cookie ?? '').split(';').map((part) => part.trim().split('='));
  const id = cookie.find(([name]) => name === SESSION_COOKIE)?.[1];
  const session = id && sessions.get(id);
  return session ? { id, user: session.user } : null;
}

/** Browsers send Origin on every POST from a page; it must be this server's own. */
function sameOrigin(request) {
  const origin = request.headers.origin;
  return typeof origin === 'string' && new URL(origin).host === request.headers.host;
}

async function readJson(request) {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 10_000) throw new Error('body too large');
  }
  return text ? JSON.parse(text) : {};
}

function send(response, status, body, type) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

function sendJson(response, status, body) {
  send(response, status, JSON.stringify(body), 'application/json');
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// Run directly: settings from the environment.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { CONECTA_URL, CONECTA_API_KEY, PORT, CONECTA_NEW_AGENT_TEAMS } = process.env;
  const crm = await startCrmBackend({
    conectaUrl: CONECTA_URL ?? 'http://localhost:8080',
    apiKey: CONECTA_API_KEY ?? '',
    port: Number(PORT ?? 3000),
    newAgentTeamIds: CONECTA_NEW_AGENT_TEAMS ? CONECTA_NEW_AGENT_TEAMS.split(',') : undefined,
  });
  console.log(`CRM example at ${crm.url}`);
}
